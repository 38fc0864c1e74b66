namespace WeProtect.Summit.Tests.Statements;

/// <summary>The worked example of docs/statement-format.md, and the realistic statement of the parser tests.</summary>
internal static class StatementExample
{
    /// <summary>The example's canonical text, exactly as in the doc.</summary>
    public const string Canonical =
        "# Statement of Action by Governments\n" +
        "\n" +
        "We, the governments gathered at the summit, recognise that the sexual exploitation and abuse of children online is a global crime.\n" +
        "\n" +
        "- It crosses borders.\n" +
        "- No country can end it alone.\n" +
        "\n" +
        "## Government delegates pledge to {audience=government}\n" +
        "\n" +
        "1. **Strengthen cooperation**\n" +
        "   a. Advance national, regional and international collaboration.\n" +
        "   b. Share what works, with data that protects every child\u2019s privacy.\n" +
        "2. **Support victims and survivors**\n" +
        "   a. Fund services that put survivors at the centre.\n";

    /// <summary>The example's hash, as printed in the doc (computed by StatementText.Hash and by sha256sum).</summary>
    public const string Hash = "000ca41c5b36bfba3b6aa3d1dca7a49b7a962c116ef26512efaae6133d5f2182";

    /// <summary>The repository root (the folder holding DEVELOPERS.md).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DEVELOPERS.md"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("DEVELOPERS.md not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A statement shaped like the 2024 Call to Action: overarching commitments for all members (7), then
    /// pledges for government (5), private sector (2) and civil society (2) delegates, each commitment with
    /// lettered items. Wording is illustrative, not the published text.</summary>
    public const string CallToAction2024 = """
        # Call to Action

        We, the members of the WeProtect Global Alliance, gathered for the Global Summit, are united in our resolve
        to end the sexual exploitation and abuse of children online.

        Our action rests on these shared principles:

        - The best interests of the child come first.
        - Survivors' voices shape what we do.
        - No single sector can succeed alone.

        ## All members commit to {audience=all}

        1. **Put children first**
           a. Place the rights and best interests of children at the centre of every decision.
           b. Listen to children and young people, and act on what they tell us.
        2. **Work together across sectors**
           a. Share knowledge, data and tools across borders and sectors,
              in line with the law and the rights of every child.
           b. Build trust between governments, companies and civil society.
        3. **Centre survivors**
           a. Involve survivors in the design of policy and services.
           b. Fund long-term support for survivors.
           c. Remove material depicting their abuse quickly and for good.
        4. **Prevent abuse before it happens**
           a. Invest in prevention programmes for those at risk of offending.
           b. Educate parents, carers and teachers.
        5. **Measure what we do**
           a. Publish what we do and what it achieves.
        6. **Close the gaps in capacity**
           a. Support countries and organisations with fewer resources.
           b. Train those who investigate and those who care for victims.
        7. **Keep pace with technology**
           a. Anticipate the risks of new and emerging technologies.
           b. Make safety by design the norm.

        ## Government delegates pledge to {audience=government}

        1. **Strengthen legislation**
           a. Criminalise every form of child sexual exploitation and abuse online.
           b. Give law enforcement the powers and resources it needs.
        2. **Strengthen cooperation**
           a. Advance national, regional and international collaboration.
           b. Join and support international databases of abuse material.
        3. **Regulate for safety**
           a. Require online services to assess and reduce risks to children.
        4. **Support victims and survivors**
           a. Guarantee access to specialist services.
           b. Protect the privacy of victims in legal proceedings.
        5. **Invest in prevention**
           a. Fund national prevention strategies.

        ## Private sector delegates pledge to {audience=private-sector}

        1. **Design for safety**
           a. Build safety into products from the start.
           b. Detect, report and remove abuse material.
        2. **Be transparent**
           a. Publish regular transparency reports.

        ## Civil society delegates pledge to {audience=civil-society}

        1. **Amplify survivors' voices**
           a. Create safe spaces for survivors to be heard.
        2. **Hold everyone to account**
           a. Monitor and report on progress against these commitments.
           b. Work with all sectors to close gaps.
        """;
}
