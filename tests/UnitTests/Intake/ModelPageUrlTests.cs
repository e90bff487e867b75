using SafetyReports.Intake.Forms;

namespace SafetyReports.UnitTests.Intake;

public class ModelPageUrlTests
{
    public static TheoryData<string, string, string, string?> Recognised() => new()
    {
        { "https://huggingface.co/meta-llama/Llama-3.1-8B", "huggingface", "meta-llama/Llama-3.1-8B", null },
        { "huggingface.co/org/name", "huggingface", "org/name", null },
        { "https://www.huggingface.co/org/name?library=transformers#readme", "huggingface", "org/name", null },
        { "https://hf.co/org/name", "huggingface", "org/name", null },
        { "https://huggingface.co/org/name/tree/v1.0", "huggingface", "org/name", "v1.0" },
        { "https://huggingface.co/org/name/blob/main/config.json", "huggingface", "org/name", "main" },
        { "https://huggingface.co/org/name/resolve/0a1b2c3/model.safetensors", "huggingface", "org/name", "0a1b2c3" },
        { "https://huggingface.co/org/name/commit/0a1b2c3", "huggingface", "org/name", "0a1b2c3" },
        { "https://HuggingFace.co/org/name/discussions/12", "huggingface", "org/name", null },
        { "https://github.com/org/repo", "github", "org/repo", null },
        { "https://github.com/org/repo.git", "github", "org/repo", null },
        { "https://github.com/org/repo/tree/v2", "github", "org/repo", "v2" },
        { "https://github.com/org/repo/blob/main/README.md", "github", "org/repo", "main" },
        { "https://github.com/org/repo/releases/tag/v1.2.3", "github", "org/repo", "v1.2.3" },
        { "https://civitai.com/models/4201/realistic-vision", "civitai", "4201", null },
        { "https://civitai.com/models/4201/realistic-vision?modelVersionId=130072", "civitai", "4201", "130072" },
        { "https://ollama.com/library/llama3", "ollama", "llama3", null },
        { "https://ollama.com/library/llama3:8b", "ollama", "llama3", "8b" },
        { "https://ollama.com/library/llama3/tags", "ollama", "llama3", null },
        { "https://ollama.com/someone/tiny-model:q4", "ollama", "someone/tiny-model", "q4" },
        { "https://modelscope.cn/models/qwen/Qwen2-7B", "modelscope", "qwen/Qwen2-7B", null },
        { "https://www.modelscope.cn/models/qwen/Qwen2-7B/files", "modelscope", "qwen/Qwen2-7B", null },
        { "https://www.kaggle.com/models/google/gemma", "kaggle", "google/gemma", null },
        { "https://www.kaggle.com/models/google/gemma/transformers/2b/1", "kaggle", "google/gemma", "transformers/2b/1" },
        { "  https://huggingface.co/org/name/  ", "huggingface", "org/name", null },
    };

    [Theory]
    [MemberData(nameof(Recognised))]
    public void Reads_host_id_and_revision_from_known_hubs(string url, string host, string id, string? revision)
    {
        Assert.True(ModelPageUrl.TryParse(url, out var model), url);
        Assert.Equal(host, model.Host);
        Assert.Equal(id, model.Id);
        Assert.Equal(revision, model.Revision);
        Assert.StartsWith("https://", model.Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("https://example.org/org/name")]
    [InlineData("https://huggingface.co/gpt2")]
    [InlineData("https://huggingface.co/datasets/org/name")]
    [InlineData("https://huggingface.co/spaces/org/name")]
    [InlineData("https://huggingface.co/docs/transformers")]
    [InlineData("https://huggingface.co/org/na%20me")]
    [InlineData("https://huggingface.co/org/..")]
    [InlineData("https://user:secret@huggingface.co/org/name")]
    [InlineData("ftp://huggingface.co/org/name")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://github.com/settings/profile")]
    [InlineData("https://github.com/org")]
    [InlineData("https://civitai.com/models/realistic-vision")]
    [InlineData("https://civitai.com/images/123")]
    [InlineData("https://ollama.com/search?q=llama")]
    [InlineData("https://ollama.com/library")]
    [InlineData("https://modelscope.cn/datasets/org/name")]
    [InlineData("https://www.kaggle.com/datasets/org/name")]
    [InlineData("https://www.kaggle.com/models/google")]
    public void Leaves_other_addresses_to_the_reporter(string? url)
    {
        Assert.False(ModelPageUrl.TryParse(url, out _));
    }

    [Fact]
    public void Keeps_the_address_without_query_or_fragment_except_a_pinned_civitai_version()
    {
        Assert.True(ModelPageUrl.TryParse("huggingface.co/org/name/tree/main?x=1#files", out var hf));
        Assert.Equal("https://huggingface.co/org/name/tree/main", hf.Url);

        Assert.True(ModelPageUrl.TryParse("https://civitai.com/models/4201/slug?utm=x&modelVersionId=130072", out var civitai));
        Assert.Equal("https://civitai.com/models/4201/slug?modelVersionId=130072", civitai.Url);
    }

    [Fact]
    public void Every_host_it_produces_is_a_known_host()
    {
        var hosts = Recognised().Select(row => (string)row.Data.Item2).Distinct();
        Assert.All(hosts, h => Assert.Contains(h, ModelPageUrl.KnownHosts));
    }
}
