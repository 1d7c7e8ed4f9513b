using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Resolution;
using CodeEnv.TestSupport;
using CodeEnv.Wheels;

namespace CodeEnv.Core.Tests;

/// <summary>
/// A wheel far larger than an index page may be (the fetcher caps pages at 64 MiB) downloads from a real loopback server
/// into the store as it arrives: memory stays bounded, and a file whose sha256 is not its source's is still refused.
/// </summary>
/// <remarks>Hundreds of MB written and hashed: kept out of the fast layer with the tests that start processes.</remarks>
[Trait(TestLayers.Category, TestLayers.Process)]
public class WheelDownloadTests : IClassFixture<WheelDownloadTests.LargeWheel>
{
    private readonly LargeWheel wheel;

    public WheelDownloadTests(LargeWheel wheel)
    {
        this.wheel = wheel;
    }

    [Fact]
    public async Task A_wheel_of_200_MB_streams_into_the_store_with_memory_far_below_its_size()
    {
        using var store = new TempFolder();
        using var index = new LoopbackIndex(wheel.Site);
        using var fetcher = new HttpUrlFetcher(Array.Empty<string>());
        using var sampler = new WorkingSetSampler();

        var stored = await WheelDownload.IntoStoreAsync(fetcher, new PackageStore(store.Combine("store")), index.FilesUrl + wheel.FileName, wheel.FileName, wheel.Sha256, "large-pkg 1.0", CancellationToken.None);

        var growth = sampler.PeakGrowth();
        Assert.Equal((wheel.Sha256, wheel.Size), (stored!.Sha256, new FileInfo(stored.Path).Length));
        Assert.True(growth < 48L * 1024 * 1024, $"the working set grew by {growth / 1024 / 1024} MiB while {wheel.Size / 1024 / 1024} MiB were downloaded");
    }

    [Fact]
    public async Task A_large_download_whose_sha256_is_not_its_sources_is_refused()
    {
        using var store = new TempFolder();
        using var index = new LoopbackIndex(wheel.Site);
        using var fetcher = new HttpUrlFetcher(Array.Empty<string>());
        var described = new string('0', 64);

        var refused = await Assert.ThrowsAsync<CodeEnvException>(() => WheelDownload.IntoStoreAsync(fetcher, new PackageStore(store.Combine("store")), index.FilesUrl + wheel.FileName, wheel.FileName, described, "large-pkg 1.0", CancellationToken.None));

        Assert.Equal(ErrorIds.ArtifactHashMismatch.Id, refused.ErrorId);
        Assert.Contains(described, refused.Message);
        Assert.Contains(wheel.Sha256, refused.Message);
    }

    [Fact]
    public async Task A_wheel_its_source_does_not_have_is_no_download()
    {
        using var store = new TempFolder();
        using var index = new LoopbackIndex(wheel.Site);
        using var fetcher = new HttpUrlFetcher(Array.Empty<string>());

        var stored = await WheelDownload.IntoStoreAsync(fetcher, new PackageStore(store.Combine("store")), index.FilesUrl + "missing-1.0-py3-none-any.whl", "missing-1.0-py3-none-any.whl", null, "missing 1.0", CancellationToken.None);

        Assert.Null(stored);
    }

    /// <summary>A 200 MB wheel (one stored, uncompressed member of zeros and a real RECORD), written once for the class without holding it in memory.</summary>
    public sealed class LargeWheel : IDisposable
    {
        private const int Megabytes = 200;
        private readonly TempFolder folder = new();

        public LargeWheel()
        {
            Site = folder.Path;
            var files = Directory.CreateDirectory(folder.Combine("files")).FullName;
            var path = Path.Combine(files, FileName);
            var rows = new StringBuilder();
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                using (var blob = zip.CreateEntry("large_pkg/blob.bin", CompressionLevel.NoCompression).Open())
                using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
                {
                    var chunk = new byte[1024 * 1024];
                    for (var i = 0; i < Megabytes; i++)
                    {
                        blob.Write(chunk);
                        hash.AppendData(chunk);
                    }

                    rows.Append($"large_pkg/blob.bin,sha256={Digest(hash.GetHashAndReset())},{Megabytes * 1024 * 1024}\n");
                }

                Add(zip, rows, "large_pkg/__init__.py", "VALUE = 1\n");
                Add(zip, rows, "large_pkg-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: large-pkg\nVersion: 1.0\n");
                Add(zip, rows, "large_pkg-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
                rows.Append("large_pkg-1.0.dist-info/RECORD,,\n");
                using var record = new StreamWriter(zip.CreateEntry("large_pkg-1.0.dist-info/RECORD").Open());
                record.Write(rows.ToString());
            }

            using (var file = File.OpenRead(path))
            {
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
            }

            Size = new FileInfo(path).Length;
        }

        public string Site { get; }

        public string FileName => "large_pkg-1.0-py3-none-any.whl";

        public string Sha256 { get; }

        public long Size { get; }

        public void Dispose() => folder.Dispose();

        private static void Add(ZipArchive zip, StringBuilder rows, string name, string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            using (var entry = zip.CreateEntry(name).Open())
            {
                entry.Write(bytes);
            }

            rows.Append($"{name},sha256={Digest(SHA256.HashData(bytes))},{bytes.Length}\n");
        }

        private static string Digest(byte[] hash) => Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The process's working set every 10 ms from its creation, against what it was (after a collection) at the start.</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly long baseline;
        private readonly CancellationTokenSource stop = new();
        private readonly Task sampling;
        private long peak;

        public WorkingSetSampler()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            baseline = Current();
            peak = baseline;
            sampling = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var now = Current();
                    if (now > Interlocked.Read(ref peak))
                    {
                        Interlocked.Exchange(ref peak, now);
                    }

                    await Task.Delay(10);
                }
            });
        }

        public long PeakGrowth()
        {
            stop.Cancel();
            sampling.Wait();
            return Math.Max(Interlocked.Read(ref peak), Current()) - baseline;
        }

        public void Dispose()
        {
            stop.Cancel();
            stop.Dispose();
        }

        private static long Current()
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64;
        }
    }
}
