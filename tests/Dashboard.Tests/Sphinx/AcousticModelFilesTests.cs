using Dashboard.Tests.Infrastructure;
using System.Text;
using Dashboard.Server.Training.Sphinx;
using Microsoft.Extensions.Options;
using Xunit;
using Dashboard.Server.Speech;
using Dashboard.Server.Training.Sphinx.Adaptation;

namespace Dashboard.Tests.Sphinx;

[Trait("Category", "unit")]
public sealed class AcousticModelFilesTests
{
    private static readonly SphinxOptions Options = new();

    [Fact]
    public void MixtureWeights_RebuiltFromSendump_AreNormalizedDistributions_InSphinxTrainsFormat()
    {
        var output = Path.Combine(TestTemp.Root, $"mixture_weights_{Guid.NewGuid():N}");
        try
        {
            SendumpConverter.WriteMixtureWeights(Path.Combine(Options.AcousticModelPath, "sendump"), output);
            using var reader = new BinaryReader(File.OpenRead(output));
            Assert.Equal("s3\nversion 1.0\nendhdr\n", Encoding.ASCII.GetString(reader.ReadBytes(22)));
            Assert.Equal(0x11223344u, reader.ReadUInt32());
            var (senones, features, densities, count) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            Assert.Equal((5126, 3, 128), (senones, features, densities)); // the en-us PTM model
            Assert.Equal(senones * features * densities, count);
            for (var i = 0; i < 50; i++)
            {
                var pdf = Enumerable.Range(0, densities).Select(_ => reader.ReadSingle()).ToList();
                Assert.Equal(1, pdf.Sum(), 3);
                Assert.All(pdf, p => Assert.InRange(p, 0, 1));
            }
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void BaumWelchArguments_FollowTheModelsFeatureParameters()
    {
        var arguments = ModelFilesForSphinxTrain.BaumWelchArguments("/m", File.ReadAllLines(Path.Combine(Options.AcousticModelPath, "feat.params")));
        var pairs = Enumerable.Range(0, arguments.Count / 2).ToDictionary(i => arguments[2 * i], i => arguments[2 * i + 1]);
        Assert.Equal(".ptm.", pairs["-ts2cbfn"]);
        Assert.Equal("1s_c_d_dd", pairs["-feat"]);
        Assert.Equal("0-12/13-25/26-38", pairs["-svspec"]);
        Assert.Equal("current", pairs["-cmn"]); // sphinxtrain's name for batch CMN
        Assert.Equal("/m/mdef.txt", pairs["-moddeffn"]);
    }
}
