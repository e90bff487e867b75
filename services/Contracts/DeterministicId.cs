using System.Security.Cryptography;
using System.Text;

namespace SafetyReports.Contracts;

/// <summary>A GUID derived from a name (RFC 9562 version 8, SHA-256 based): the same event always gets the same id.</summary>
public static class DeterministicId
{
    public static Guid From(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
