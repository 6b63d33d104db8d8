using Proxy.Domain.Blacklists;

namespace Proxy.Tests;

/// <summary>How blacklists read and match domain names: normal form, IDN, single labels, suffix matching by label.</summary>
public sealed class BlacklistTests
{
    [Theory]
    [InlineData("Example.COM", "example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("  sub.example.com ", "sub.example.com")]
    [InlineData("localhost", "localhost")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("xn--bcher-kva.de", "xn--bcher-kva.de")]
    [InlineData("a-b.c0", "a-b.c0")]
    public void A_domain_is_read_into_its_normal_form(string raw, string normal) => DomainName.Normalize(raw).Should().Be(normal);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("exa mple.com")]
    [InlineData("-example.com")]
    [InlineData("example-.com")]
    [InlineData("example..com")]
    [InlineData("http://example.com")]
    [InlineData("example.com/path")]
    [InlineData("under_score.com")]
    [InlineData("*.example.com")]
    public void A_malformed_domain_is_none(string raw) => DomainName.Normalize(raw).Should().BeNull();

    [Fact]
    public void A_label_over_63_characters_or_a_name_over_253_is_none()
    {
        DomainName.Normalize(new string('a', 64) + ".com").Should().BeNull();
        DomainName.Normalize(new string('a', 63) + ".com").Should().NotBeNull();
        DomainName.Normalize(string.Join('.', Enumerable.Repeat(new string('a', 63), 4))).Should().BeNull("255 characters");
    }

    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("sub.example.com", "example.com")]
    [InlineData("a.b.sub.example.com", "example.com")]
    [InlineData("localhost", "localhost")]
    public void A_name_blocks_itself_and_every_name_under_it(string host, string blocked) =>
        new DomainList([blocked]).Blocking(host).Should().Be(blocked);

    [Theory]
    [InlineData("badexample.com", "example.com")]
    [InlineData("example.co", "example.com")]
    [InlineData("com", "example.com")]
    [InlineData("example.com.evil.org", "example.com")]
    [InlineData("notlocalhost", "localhost")]
    public void A_name_blocks_nothing_beside_it(string host, string blocked) => new DomainList([blocked]).Blocking(host).Should().BeNull();

    [Fact]
    public void Adding_what_is_there_or_removing_what_is_not_changes_nothing_and_a_list_is_kept_sorted()
    {
        var list = new DomainList(["b.com"]);

        list.Add(["a.com", "b.com"]).Should().BeTrue();
        list.Add(["a.com"]).Should().BeFalse();
        list.Remove(["c.com"]).Should().BeFalse();
        list.Names.Should().Equal("a.com", "b.com");
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("2852039166")]
    [InlineData("0xa9fea9fe")]
    [InlineData("0xA9FEA9FE")]
    [InlineData("169.254.43518")]
    [InlineData("0251.0376.0251.0376")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("[::ffff:a9fe:a9fe]")]
    [InlineData("169.254.169.254.")]
    public void Every_spelling_of_an_ipv4_address_is_one_address(string raw) => BlacklistHost.Normalize(raw).Should().Be("169.254.169.254");

    [Theory]
    [InlineData("[::1]", "::1")]
    [InlineData("0:0:0:0:0:0:0:1", "::1")]
    [InlineData("FD00:0EC2:0000::0254", "fd00:ec2::254")]
    [InlineData("Example.COM", "example.com")]
    [InlineData("cafe.dead.beef", "cafe.dead.beef")]
    public void Addresses_are_canonical_and_names_stay_names(string raw, string normal) => BlacklistHost.Normalize(raw).Should().Be(normal);

    [Fact]
    public void An_address_blocks_itself_however_written_and_never_by_a_trailing_label()
    {
        var list = new DomainList(["169.254.169.254", "254"]);

        list.Blocking(BlacklistHost.Normalize("0xa9fea9fe")!).Should().Be("169.254.169.254");
        list.Blocking(BlacklistHost.Normalize("10.0.0.254")!).Should().BeNull("a one-label name is no part of an address");
        list.Blocking(BlacklistHost.Normalize("x.254")!).Should().Be("254", "names still block the names under them");
    }
}
