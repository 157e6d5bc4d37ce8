using EpicEvents.Crm.Auth;

namespace EpicEvents.Crm.Tests.Auth;

/// <summary>An unknown email costs the hash check a known one does, from the first attempt of a process on.</summary>
public sealed class PasswordHashingTests
{
    [Theory]
    [InlineData(100_000)]
    [InlineData(600_000)]
    public void The_decoy_is_ready_at_start_and_has_the_algorithm_iterations_and_sizes_of_a_real_hash(int iterations)
    {
        var hashing = new PasswordHashing(new AuthOptions { SigningKey = "unused", PasswordHashIterations = iterations });

        var decoy = Convert.FromBase64String(hashing.Decoy);
        var real = Convert.FromBase64String(hashing.Hash("Correct-Horse-Battery-9"));

        decoy.Should().HaveCount(real.Length);
        decoy[..13].Should().Equal(real[..13], "format, PRF, iteration count and salt length decide what a check costs");
        hashing.Verify(hashing.Decoy, "Correct-Horse-Battery-9").Should().Be(PasswordCheck.Wrong);
    }

    [Fact]
    public void Each_process_has_its_own_decoy()
    {
        var options = new AuthOptions { SigningKey = "unused", PasswordHashIterations = 100_000 };

        new PasswordHashing(options).Decoy.Should().NotBe(new PasswordHashing(options).Decoy);
    }
}
