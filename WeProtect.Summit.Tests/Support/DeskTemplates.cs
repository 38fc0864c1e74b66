using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Text;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Every <see cref="DeskText"/> template the compiled Data assembly holds, read from its IL (no list to keep
/// up to date): an interpolated string handed to <see cref="DeskText"/> (its literals and holes, in order, as the
/// compiler calls AppendLiteral and AppendFormatted) and a string literal converted to it (the literal loaded just
/// before the conversion, or carried to it by a branch or a local, as a conditional or a switch compiles).
/// A text made at run time from other strings (an entity's refusal) is not a template and is not found.</summary>
public static class DeskTemplates
{
    private static readonly Dictionary<short, OpCode> OpCodes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    public static IReadOnlySet<string> All(Assembly assembly)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                         .Cast<MethodBase>().Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)))
                if (method.GetMethodBody()?.GetILAsByteArray() is { } il)
                    Scan(method, il, found);
        return found;
    }

    /// <summary>The methods where an interpolated string is formatted to a plain string (in English, its values in the
    /// current culture) and only then converted to a <see cref="DeskText"/>: what a conditional or a switch of
    /// interpolated strings compiles to, whose natural type is string (or a <c>string.Format</c>). Such a text is never translated.</summary>
    public static IReadOnlyList<string> FormattedBeforeConversion(Assembly assembly)
    {
        var found = new List<string>();
        foreach (var type in assembly.GetTypes())
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                         .Cast<MethodBase>().Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)))
                if (method.GetMethodBody()?.GetILAsByteArray() is { } il)
                {
                    var code = Decode(method, il);
                    var at = code.Select((c, i) => (c.Offset, i)).ToDictionary(x => x.Offset, x => x.i);
                    for (var i = 0; i < code.Count; i++)
                        if (code[i].Operand is MethodBase m && IsFormatting(m) && ReachesConversion(code, at, i + 1, null, 0))
                            found.Add($"{type.FullName}.{method.Name}");
                }
        return [.. found.Distinct()];
    }

    private static bool IsFormatting(MethodBase m) =>
        (m.Name == nameof(DefaultInterpolatedStringHandler.ToStringAndClear) && m.DeclaringType == typeof(DefaultInterpolatedStringHandler))
        || (m.Name == nameof(string.Format) && m.DeclaringType == typeof(string));

    private sealed record Instruction(int Offset, OpCode Code, object? Operand, int Next);

    private static void Scan(MethodBase method, byte[] il, ISet<string> found)
    {
        var code = Decode(method, il);
        var at = code.Select((c, i) => (c.Offset, i)).ToDictionary(x => x.Offset, x => x.i);
        StringBuilder? template = null;
        var holes = 0;
        for (var i = 0; i < code.Count; i++)
        {
            var ins = code[i];
            if (ins.Code == System.Reflection.Emit.OpCodes.Ldstr && ReachesConversion(code, at, i + 1, null, 0)) found.Add((string)ins.Operand!);
            if (ins.Operand is not MethodBase called || called.DeclaringType != typeof(DeskText)) continue;
            var parameters = called.GetParameters();
            string? Literal() => i > 0 && code[i - 1].Code == System.Reflection.Emit.OpCodes.Ldstr ? (string)code[i - 1].Operand! : null;
            switch (called.Name)
            {
                // A builder starts where the compiler makes one; the one before it is complete by then (its holes'
                // values are computed between its calls, so its end is the next builder or the method's end).
                case ".ctor" when parameters.Length == 2:
                    if (template is not null) found.Add(template.ToString());
                    template = new StringBuilder();
                    holes = 0;
                    break;
                case nameof(DeskText.AppendLiteral) when template is not null:
                    template.Append((Literal() ?? throw new InvalidOperationException($"{method.DeclaringType}.{method.Name}: a literal not loaded by ldstr"))
                        .Replace("{", "{{").Replace("}", "}}"));
                    break;
                case nameof(DeskText.AppendFormatted) when template is not null:
                    template.Append('{').Append(holes++);
                    if (parameters.Length == 2 && parameters[1].ParameterType == typeof(string) && Literal() is { } format)
                        template.Append(':').Append(format);
                    template.Append('}');
                    break;
            }
        }
        if (template is not null) found.Add(template.ToString());
    }

    /// <summary>Whether the string just loaded goes, untouched, into DeskText's conversion: directly, through a branch
    /// (a conditional's arm) or through a local a switch arm stores and its end loads.</summary>
    private static bool ReachesConversion(List<Instruction> code, Dictionary<int, int> at, int i, int? local, int hops)
    {
        if (hops > 6 || i >= code.Count) return false;
        var ins = code[i];
        if (ins.Operand is MethodBase m && m.DeclaringType == typeof(DeskText) && m.Name == "op_Implicit") return local is null;
        if (ins.Code.FlowControl == FlowControl.Branch && ins.Operand is int target && at.TryGetValue(target, out var j))
            return ReachesConversion(code, at, j, local, hops + 1);
        if (local is null && StoredLocal(ins) is { } stored) return ReachesConversion(code, at, i + 1, stored, hops + 1);
        if (local is not null && LoadedLocal(ins) == local) return ReachesConversion(code, at, i + 1, null, hops + 1);
        if (ins.Code == System.Reflection.Emit.OpCodes.Nop) return ReachesConversion(code, at, i + 1, local, hops + 1);
        return false;
    }

    private static int? StoredLocal(Instruction ins) => ins.Code.Name switch
    {
        "stloc.0" => 0, "stloc.1" => 1, "stloc.2" => 2, "stloc.3" => 3,
        "stloc.s" or "stloc" => Convert.ToInt32(ins.Operand),
        _ => null,
    };

    private static int? LoadedLocal(Instruction ins) => ins.Code.Name switch
    {
        "ldloc.0" => 0, "ldloc.1" => 1, "ldloc.2" => 2, "ldloc.3" => 3,
        "ldloc.s" or "ldloc" => Convert.ToInt32(ins.Operand),
        _ => null,
    };

    private static List<Instruction> Decode(MethodBase method, byte[] il)
    {
        var list = new List<Instruction>();
        var p = 0;
        while (p < il.Length)
        {
            var start = p;
            short value = il[p++];
            if (value == 0xFE) value = (short)(0xFE00 | il[p++]);
            var code = OpCodes[value];
            object? operand = null;
            switch (code.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget: operand = p + 1 + (sbyte)il[p]; p += 1; break;
                case OperandType.ShortInlineI: case OperandType.ShortInlineVar: operand = (int)il[p]; p += 1; break;
                case OperandType.InlineVar: operand = (int)BitConverter.ToUInt16(il, p); p += 2; break;
                case OperandType.InlineBrTarget: operand = p + 4 + BitConverter.ToInt32(il, p); p += 4; break;
                case OperandType.InlineString: operand = method.Module.ResolveString(BitConverter.ToInt32(il, p)); p += 4; break;
                case OperandType.InlineMethod:
                    try
                    {
                        operand = method.Module.ResolveMethod(BitConverter.ToInt32(il, p),
                            method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
                    }
                    catch (ArgumentException) { }
                    p += 4; break;
                case OperandType.InlineI8: case OperandType.InlineR: p += 8; break;
                case OperandType.InlineSwitch: p += 4 + 4 * BitConverter.ToInt32(il, p); break;
                case OperandType.ShortInlineR: p += 4; break;
                default: p += 4; break;
            }
            list.Add(new Instruction(start, code, operand, p));
        }
        return list;
    }
}
