using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.UnitTests.Triage.TransparencyLog;

public class SignedNoteTests
{
    // The example key and note of Go's golang.org/x/mod/sumdb/note documentation.
    private const string GoSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string GoVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string GoText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string GoNote = GoText + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    [Fact]
    public void Keys_and_signatures_match_the_reference_implementation()
    {
        using var signer = NoteSigner.Parse(GoSignerKey)!;
        Assert.Equal(GoVerifierKey, signer.Verifier.ToString());
        Assert.Equal(GoSignerKey, signer.Export());
        Assert.Equal(GoNote, signer.Sign(GoText));
        Assert.Equal([signer.Verifier.ToString()], SignedNote.VerifiedBy(GoNote, [NoteVerifierKey.Parse(GoVerifierKey)!]).Select(k => k.ToString()));
    }

    [Fact]
    public void A_changed_text_or_another_key_does_not_verify()
    {
        using var signer = NoteSigner.Generate("log.example/audit");
        using var other = NoteSigner.Generate("log.example/audit");
        var note = signer.Sign(new Checkpoint("log.example/audit", 3, new byte[32]).Text());
        Assert.Single(SignedNote.VerifiedBy(note, [signer.Verifier]));
        Assert.Empty(SignedNote.VerifiedBy(note, [other.Verifier]));
        Assert.Empty(SignedNote.VerifiedBy(note.Replace("\n3\n", "\n4\n", StringComparison.Ordinal), [signer.Verifier]));
        Assert.Equal(3, Checkpoint.Parse(SignedNote.Text(note)!)!.Size);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name+zzzzzzzz+AAAA")]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    public void Malformed_verifier_keys_are_refused(string text) => Assert.Null(NoteVerifierKey.Parse(text));

    [Fact]
    public void A_key_file_is_made_once_owner_only_and_must_be_named_as_the_log()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var path = Path.Combine(folder.FullName, "keys", "log.key");
            Assert.Throws<InvalidOperationException>(() => LogSigningKey.Load(path, "log.example/audit", createIfMissing: false));
            using var made = LogSigningKey.Load(path, "log.example/audit", createIfMissing: true);
            using var again = LogSigningKey.Load(path, "log.example/audit", createIfMissing: true);
            Assert.Equal(made.Verifier.ToString(), again.Verifier.ToString());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            Assert.Throws<InvalidOperationException>(() => LogSigningKey.Load(path, "other.example/audit", createIfMissing: true));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
