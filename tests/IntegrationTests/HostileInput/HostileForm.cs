using FsCheck;
using FsCheck.Fluent;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>Generators of urlencoded form fields: hostile text (escaped), genuine values, and broken escapes.</summary>
public static class HostileForm
{
    /// <summary>One field value, already escaped for the wire (or deliberately broken).</summary>
    public static Gen<string> Value(params string[] genuine) => Gen.Frequency(
        (4, HostileText.Any.Select(v => Uri.EscapeDataString(v.Length > 20_000 ? v[..20_000] : v))),
        (4, Gen.Elements(genuine).Select(Uri.EscapeDataString)),
        (1, HostileText.InvalidUtf8Escapes));

    /// <summary>A field given zero to <paramref name="most"/> times (checkboxes, multi-selects), each value from <paramref name="values"/>.</summary>
    public static Gen<string> Repeated(string name, Gen<string> values, int most = 3) =>
        values.ListOf().Select(list => string.Join('&', list.Take(most).Select(v => $"{name}={v}")));

    /// <summary>Up to two fields the form does not have, or has already (given twice).</summary>
    public static Gen<string> Extra(params string[] names) =>
        Gen.Zip(Gen.Elements([.. names, "extra", "handler", "__RequestVerificationToken"]), Value("x")).ListOf()
            .Select(list => string.Join('&', list.Take(2).Select(p => $"{p.Item1}={p.Item2}")));

    /// <summary>Fields joined into one form body, empty parts left out.</summary>
    public static string Join(params string[] parts) => string.Join('&', parts.Where(p => p.Length > 0));
}
