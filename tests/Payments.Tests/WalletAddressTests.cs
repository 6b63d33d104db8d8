using System.Text;
using Payments.Domain.Transactions;

namespace Payments.Tests;

public sealed class WalletAddressTests
{
    [Fact]
    public void Keccak256_is_ethereums_not_sha3()
    {
        Convert.ToHexStringLower(Keccak256.Hash([])).Should().Be("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        Convert.ToHexStringLower(Keccak256.Hash(Encoding.ASCII.GetBytes("abc"))).Should().Be("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
        Convert.ToHexStringLower(Keccak256.Hash(new byte[200])).Should().HaveLength(64, "input longer than one block is absorbed in blocks");
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    [InlineData("0x52908400098527886e0f7030069857d2e4169ee7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    public void EVM_addresses_in_one_case_or_with_their_EIP55_checksum_are_taken(string address)
    {
        var parsed = WalletAddress.TryParse(address, out var refusal);
        refusal.Should().BeNull();
        parsed!.Network.Should().Be(WalletAddress.Evm);
    }

    [Theory]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")]
    [InlineData("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7")]
    public void TRON_addresses_with_a_valid_checksum_are_taken(string address)
    {
        WalletAddress.TryParse(address, out var refusal)!.Network.Should().Be(WalletAddress.Tron);
        refusal.Should().BeNull();
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "EIP-55")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "TRON address")]
    [InlineData("0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "hex digits")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T", "checksum")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj60", "checksum")]
    [InlineData("0x1234567890abcdef", "TRON address")]
    [InlineData("", "TRON address")]
    [InlineData(null, "TRON address")]
    public void Anything_else_is_refused_with_the_reason(string? address, string reason)
    {
        WalletAddress.TryParse(address, out var refusal).Should().BeNull();
        refusal.Should().Contain(reason);
    }

    [Fact]
    public void The_checksum_spells_a_lower_case_address()
    {
        WalletAddress.ChecksumOf("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").Should().Be("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }
}
