using MimeKit;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.ServiceDefaults.Email;

/// <summary>
/// With no SMTP server configured, each mail is written to <c>{DataDirectory}/mail</c> as <c>{Message-ID}.eml</c>, readable by
/// any mail program: Standalone works out of the box and a person can read what would have been sent. The folder is the
/// owner's only (the files hold addresses). Writing the same mail again replaces its one file.
/// </summary>
public sealed class EmlFolderTransport(string folder) : IMailTransport
{
    public const string FolderName = "mail";

    public string Folder { get; } = folder;

    public static EmlFolderTransport Under(StorageOptions storage) =>
        new(OwnerOnlyFiles.Folder(Path.Combine(storage.ResolveDataDirectory(), FolderName)));

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var name = FileName(message.MessageId ?? throw new InvalidOperationException("A mail without a Message-ID."));
        var path = Path.Combine(Folder, name);
        var partial = path + ".partial";
        await using (var file = File.Create(partial))
        {
            await message.WriteToAsync(file, cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The Message-ID's characters that are safe in a file name (it is ours: hex and the domain).</summary>
    public static string FileName(string messageId) =>
        new string([.. messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '@' ? c : '_')]) + ".eml";
}
