namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>Who visits a page in the accessibility tests. The delegate is an approved delegate of the summit with a
/// seat at a breakout, a signing authority and the reporting focal point's grant for the organisation; the focal
/// point is the focal point of an accepted invitation.</summary>
public enum Persona { Anonymous, Delegate, FocalPoint, Organiser, Admin }
