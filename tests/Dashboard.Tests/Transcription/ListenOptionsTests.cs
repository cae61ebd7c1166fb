using Dashboard.Server.Errors;
using Dashboard.Server.Transcription.Listen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Tests.Transcription;

/// <summary>The /v1/listen query as Deepgram clients send it: booleans as true/false, arrays as repeated keys.</summary>
[Trait("Category", "unit")]
public sealed class ListenOptionsTests
{
    private static ListenOptions Parse(string query) => ListenOptions.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)), query);

    [Fact]
    public void TheOptionsClientsSend_AreRead_AndUnknownOnesIgnored()
    {
        var options = Parse("?model=nova-3&smart_format=true&utterances=true&utt_split=1.2&paragraphs=false&tag=a&tag=b" +
            "&extra=ticket:T-1&extra=url:http://x&keyterm=price&keyterm=percent&diarize=true&callback=https://example.com/cb&callback_method=put");

        Assert.Equal("nova-3", options.Model);
        Assert.True(options.SmartFormat);
        Assert.True(options.FormatsText);
        Assert.True(options.Utterances);
        Assert.Equal(1.2, options.UttSplit);
        Assert.False(options.Paragraphs);
        Assert.Equal(["a", "b"], options.Tags);
        Assert.Equal([new("ticket", "T-1"), new("url", "http://x")], options.Extra);
        Assert.Equal("https://example.com/cb", options.Callback);
        Assert.Equal("PUT", options.CallbackMethod);
    }

    [Theory]
    [InlineData("?punctuate=maybe", "punctuate")]
    [InlineData("?utt_split=-1", "utt_split")]
    [InlineData("?utt_split=soon", "utt_split")]
    [InlineData("?extra=novalue", "extra")]
    [InlineData("?callback_method=GET", "callback_method")]
    public void AKnownOptionWithABadValue_IsAValidationErrorNamingIt(string query, string field)
    {
        var error = Assert.Throws<ApiException>(() => Parse(query));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(field, error.Details["field"]);
    }
}
