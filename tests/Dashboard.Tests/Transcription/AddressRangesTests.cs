using System.Net;
using Dashboard.Server.Outbound;

namespace Dashboard.Tests.Transcription;

/// <summary>Which addresses the server may reach on a client's behalf without an AllowedPrivateHosts entry.</summary>
[Trait("Category", "unit")]
public sealed class AddressRangesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.20.30.40")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:a00:1::1")]
    public void InternalAddresses_AreNotPublic(string address) => Assert.False(AddressRanges.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("93.184.216.34")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void PublicAddresses_ArePublic(string address) => Assert.True(AddressRanges.IsPublic(IPAddress.Parse(address)));
}
