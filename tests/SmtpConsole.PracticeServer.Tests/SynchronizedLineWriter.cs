using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

/// <summary>A TextWriter that tests can read while server threads write to it.</summary>
internal sealed class SynchronizedLineWriter : TextWriter
{
    private readonly Lock gate = new();
    private readonly StringBuilder text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (gate)
        {
            text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (gate)
        {
            text.Append(value);
        }
    }

    public string Snapshot()
    {
        lock (gate)
        {
            return text.ToString();
        }
    }

    public async Task<string> WaitForAsync(string fragment)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Snapshot().Contains(fragment, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Output never contained \"{fragment}\":\n{Snapshot()}");
            await Task.Delay(10);
        }

        return Snapshot();
    }
}
