using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;
using static SafetyReports.UnitTests.Contracts.FileDigestsTests;

namespace SafetyReports.UnitTests.Notification;

/// <summary>Where else a reported model is served, and how linking models joins their alias groups.</summary>
public class ModelCopiesTests
{
    private static readonly ModelReference Reported = new("hub", "org/model", FileDigests: [Digest('a'), Digest('b')]);

    [Fact]
    public void Each_other_host_gets_one_copy_the_model_sharing_most_digests_before_an_alias()
    {
        var copies = ModelCopies.Find(
            Reported,
            [
                new ModelFileMatch("hub", "org/other-name", Digest('a')),
                new ModelFileMatch("mirror", "x/one", Digest('a')),
                new ModelFileMatch("mirror", "x/two", Digest('a')),
                new ModelFileMatch("mirror", "x/two", Digest('b')),
                new ModelFileMatch("ollama", "library/m", Digest('b')),
            ],
            [new ModelKey("hub", "org/model"), new ModelKey("civitai", "123"), new ModelKey("mirror", "x/alias")]);

        Assert.Equal(
            [
                ("civitai", "123", RouteVia.Alias, 0),
                ("mirror", "x/two", RouteVia.Digest, 2),
                ("ollama", "library/m", RouteVia.Digest, 1),
            ],
            copies.Select(c => (c.HostId, c.ModelId, c.Via, c.SharedDigests.Count)));
        Assert.Equal([Digest('a'), Digest('b')], copies[1].SharedDigests);
    }

    [Fact]
    public void Ties_go_to_the_smaller_model_id_so_every_replica_picks_the_same()
    {
        var copies = ModelCopies.Find(Reported, [new ModelFileMatch("mirror", "z", Digest('a')), new ModelFileMatch("mirror", "b", Digest('a'))], []);

        Assert.Equal("b", Assert.Single(copies).ModelId);
    }

    [Fact]
    public void Linking_joins_groups_the_smaller_id_staying()
    {
        var small = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var large = Guid.Parse("00000000-0000-0000-0000-000000000009");
        var fresh = Guid.NewGuid();

        Assert.Equal(new AliasLink(fresh, []), AliasGroups.Link([], () => fresh) with { Merged = [] });
        Assert.Equal(small, AliasGroups.Link([small], () => fresh).Group);
        var merged = AliasGroups.Link([large, small, large], () => fresh);
        Assert.Equal(small, merged.Group);
        Assert.Equal([large], merged.Merged);
    }
}
