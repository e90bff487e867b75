using System.Globalization;
using SafetyReports.Triage.Transparency;

namespace SafetyReports.AuditTool;

/// <summary>
/// What <c>figures</c> was asked for. Every input of the published figures is explicit — the moment, the period,
/// the chain's point, the threshold and the SLA — so the same command gives the same output on any machine.
/// </summary>
public sealed record FiguresArguments(
    string Export,
    string? Host,
    DateTimeOffset AsOf,
    TransparencyPeriod Period,
    long? UpToSequence,
    TransparencyOptions Options,
    bool Csv,
    string? ExpectedHead)
{
    public static (FiguresArguments? Arguments, string? Problem) Parse(IReadOnlyList<string> args)
    {
        string? export = null, host = null, asOf = null, from = null, to = null, upTo = null, threshold = null, sla = null, expectedHead = null;
        bool hosts = false, csv = false;
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--hosts": hosts = true; break;
                case "--models": host = Value() ?? ""; break;
                case "--as-of": asOf = Value(); break;
                case "--from": from = Value(); break;
                case "--to": to = Value(); break;
                case "--up-to-sequence": upTo = Value(); break;
                case "--threshold": threshold = Value(); break;
                case "--ack-sla-seconds": sla = Value(); break;
                case "--expect-head": expectedHead = Value(); break;
                case "--csv": csv = true; break;
                case var path when export is null && !path.StartsWith("--", StringComparison.Ordinal): export = path; break;
                default: return (null, $"unexpected argument '{args[i]}'");
            }
        }

        var options = new TransparencyOptions();
        if (export is null)
        {
            return (null, "the export file is required");
        }

        if (hosts == (host is not null) || host is "")
        {
            return (null, "give either --hosts or --models <host>");
        }

        if (!DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return (null, "--as-of needs the time the figures were computed at, as the response's asOf gives it (ISO 8601)");
        }

        if (threshold is not null)
        {
            options.SuppressionThreshold = int.TryParse(threshold, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
        }

        if (sla is not null)
        {
            options.AcknowledgementSla = TimeSpan.FromSeconds(long.TryParse(sla, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0);
        }

        if (!options.IsValid())
        {
            return (null, "--threshold must be 1 to 1000 and --ack-sla-seconds more than 0");
        }

        long? sequence = null;
        if (upTo is not null)
        {
            if (!long.TryParse(upTo, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return (null, "--up-to-sequence needs the audit sequence of the published figures (1 or more)");
            }

            sequence = n;
        }

        var (period, errors) = TransparencyPeriod.Parse(from, to, moment, options);
        if (period is null)
        {
            return (null, string.Join(" ", errors.Select(e => $"--{e.Key}: {string.Join(" ", e.Value)}")));
        }

        return (new FiguresArguments(export, host, moment, period, sequence, options, csv, expectedHead), null);
    }
}
