using System.Net.Sockets;
using CodeEnv.Containers;
using CodeEnv.Errors;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// What of an env's resources folder its image takes, and when a change of it outdates the image: the folder read as a
/// build reads it, with no process and no engine (the images themselves are the cmdlet tests' ImageTests).
/// </summary>
public class ImageResourcesTests : IDisposable
{
    private readonly TempFolder temp = new();

    private readonly ContainerConfig config = new() { ConfigName = "slim", BaseImage = "python:3.11-slim", PythonPath = "/usr/local/bin/python3" };

    private string Resources => temp.Combine("envs", "vision", "resources");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void An_env_without_resources_keeps_the_images_it_had_current()
    {
        // An image recorded before images held resources has neither digest nor stamp.
        var old = ImageOf(ContextResources.Of(null));
        old.ResourcesSha256 = old.ResourcesStamp = "";

        Assert.Null(ReasonFor(old, ContextResources.Of(Resources)));
        Directory.CreateDirectory(Resources);
        Assert.Null(ReasonFor(old, ContextResources.Of(Resources)));
        Assert.Equal(("", ""), (ContextResources.Of(Resources).Stamp, ContextResources.Of(Resources).Digest()));
    }

    [Fact]
    public void A_published_or_changed_resource_outdates_the_image_saying_the_resources_changed()
    {
        Write("models/labels.txt", "cat\ndog\n");
        var image = ImageOf(ContextResources.Of(Resources));

        Write("models/labels.txt", "cat\ndog\nbird\n");

        Assert.Contains("the env's resources changed since it was built", ReasonFor(image, ContextResources.Of(Resources)));
        Write("models/labels.txt", "cat\ndog\n");
        Assert.Null(ReasonFor(image, ContextResources.Of(Resources)));
        Write("init.py", "print('ready')\n");
        Assert.Contains("the folder has 2 file(s) now", ReasonFor(image, ContextResources.Of(Resources)));
    }

    [Fact]
    public void A_file_written_again_with_the_same_bytes_leaves_the_image_current()
    {
        Write("labels.txt", "cat\n");
        var image = ImageOf(ContextResources.Of(Resources));

        Write("labels.txt", "cat\n");
        File.SetLastWriteTimeUtc(Path.Combine(Resources, "labels.txt"), DateTime.UtcNow.AddMinutes(5));

        var now = ContextResources.Of(Resources);
        Assert.NotEqual(image.ResourcesStamp, now.Stamp);
        Assert.Null(ReasonFor(image, now));
    }

    [Fact]
    public void A_link_to_a_file_inside_the_folder_is_taken_as_that_file()
    {
        Write("blobs/abc", "weights");
        Directory.CreateDirectory(Path.Combine(Resources, "snapshots"));
        File.CreateSymbolicLink(Path.Combine(Resources, "snapshots", "model.bin"), "../blobs/abc");

        var resources = ContextResources.Of(Resources);
        resources.RequireCopyable("vision");

        var linked = resources.Files.Single(f => f.RelativePath == "snapshots/model.bin");
        Assert.Equal("weights", File.ReadAllText(linked.FullPath));
        Assert.StartsWith(resources.Folder!, linked.FullPath);
    }

    [Fact]
    public void A_link_out_of_the_folder_or_to_a_folder_refuses_the_build_naming_it()
    {
        File.WriteAllText(temp.Combine("secret.txt"), "not for the image");
        Directory.CreateDirectory(Resources);
        File.CreateSymbolicLink(Path.Combine(Resources, "leak.txt"), temp.Combine("secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(Resources, "etc"), "/etc");

        var resources = ContextResources.Of(Resources);
        var error = Assert.Throws<CodeEnvException>(() => resources.RequireCopyable("vision"));

        Assert.Equal(ErrorIds.ContainerContextInvalid.Id, error.ErrorId);
        Assert.Contains("leak.txt links outside the resources folder", error.Message);
        Assert.Contains("etc links outside the resources folder", error.Message);
        Assert.Empty(resources.Files);
    }

    [Fact]
    public void A_socket_in_the_folder_refuses_the_build_and_is_never_opened()
    {
        Directory.CreateDirectory(Resources);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(Resources, "daemon.sock")));

        var error = Assert.Throws<CodeEnvException>(() => ContextResources.Of(Resources).RequireCopyable("vision"));

        Assert.Contains("daemon.sock is not a regular file", error.Message);
    }

    [Fact]
    public void Resources_larger_than_a_build_context_carries_are_refused_before_a_byte_is_read()
    {
        Directory.CreateDirectory(Resources);
        using (var sparse = File.Create(Path.Combine(Resources, "model.safetensors")))
        {
            sparse.SetLength(ContextResources.MaxBytes + 1);
        }

        var error = Assert.Throws<CodeEnvException>(() => ContextResources.Of(Resources).RequireCopyable("vision"));

        Assert.Contains("more than the 1024 MiB a build context carries", error.Message);
    }

    [Fact]
    public void A_publish_still_under_way_is_not_a_resource_yet()
    {
        Write("labels.txt", "cat\n");
        Write(".labels.txt.0123.partial", "cat\nd");

        Assert.Equal(new[] { "labels.txt" }, ContextResources.Of(Resources).Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void A_changed_folder_is_hashed_once_and_its_digest_kept_with_its_stamp()
    {
        Write("labels.txt", "cat\n");
        var kept = temp.Combine("envs", "vision", "resources.sha256");

        var first = ContextResources.Of(Resources, kept);
        var digest = first.Digest();

        Assert.Equal(first.Stamp + " " + digest, File.ReadAllText(kept));
        File.WriteAllText(kept, first.Stamp + " remembered");
        Assert.Equal("remembered", ContextResources.Of(Resources, kept).Digest());
        Write("labels.txt", "dog\n");
        Assert.NotEqual("remembered", ContextResources.Of(Resources, kept).Digest());
    }

    [MeasureFact]
    public void Measure_what_a_listing_and_a_build_read_of_a_model_sized_folder()
    {
        for (var i = 0; i < 2000; i++)
        {
            Write($"files/f{i}.txt", "x" + i);
        }

        var bytes = new byte[1 << 20];
        new Random(1).NextBytes(bytes);
        using (var model = File.Create(Path.Combine(Resources, "model.bin")))
        {
            for (var i = 0; i < 500; i++)
            {
                model.Write(bytes, 0, bytes.Length);
            }
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var stamp = ContextResources.Of(Resources).Stamp;
        var listing = watch.Elapsed;
        watch.Restart();
        var digest = ContextResources.Of(Resources).Digest();
        var build = watch.Elapsed;

        Console.WriteLine($"2001 files, 500 MiB: read and stamped in {listing.TotalMilliseconds:F0} ms (a listing), hashed in {build.TotalMilliseconds:F0} ms (a build, or a listing after a change)");
        Assert.NotEqual(stamp, digest);
    }

    private ContainerImage ImageOf(ContextResources resources) => new()
    {
        ConfigName = config.ConfigName,
        Revision = 1,
        ConfigSha256 = ConfigFingerprint.Of(config, new DockerfileFragments()),
        ResourcesSha256 = resources.Digest(),
        ResourcesStamp = resources.Stamp,
    };

    private string? ReasonFor(ContainerImage image, ContextResources resources) =>
        ImageRecords.OutdatedReason(image, 1, config, null, new DockerfileFragments(), null, resources);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Resources, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
