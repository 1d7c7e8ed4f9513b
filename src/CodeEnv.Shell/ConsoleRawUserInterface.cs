using System.Management.Automation.Host;

namespace CodeEnv.Shell;

/// <summary>Just enough of a raw console for the formatter to know the line width.</summary>
internal sealed class ConsoleRawUserInterface : PSHostRawUserInterface
{
    private static int Width => Console.IsOutputRedirected ? 160 : Math.Max(Console.WindowWidth, 40);

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public override Size BufferSize { get => new(Width, 9999); set { } }

    public override Coordinates CursorPosition { get; set; }

    public override int CursorSize { get; set; }

    public override bool KeyAvailable => false;

    public override Size MaxPhysicalWindowSize => new(Width, 100);

    public override Size MaxWindowSize => new(Width, 100);

    public override Coordinates WindowPosition { get; set; }

    public override Size WindowSize { get => new(Width, 100); set { } }

    public override string WindowTitle { get; set; } = "codeenv";

    public override void FlushInputBuffer()
    {
    }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("codeenv does not read keys.");

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
}
