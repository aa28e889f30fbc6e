using System.Buffers;

namespace SmtpConsole.Fuzz;

/// <summary>A link in a hand-built <see cref="ReadOnlySequence{T}"/>: the parser must cope with lines spread over segments, as a pipe delivers them.</summary>
internal sealed class BufferSegment : ReadOnlySequenceSegment<byte>
{
    public BufferSegment(ReadOnlyMemory<byte> memory)
    {
        Memory = memory;
    }

    public BufferSegment Append(ReadOnlyMemory<byte> memory)
    {
        var next = new BufferSegment(memory) { RunningIndex = RunningIndex + Memory.Length };
        Next = next;
        return next;
    }

    /// <summary>Joins the chunks into one sequence, keeping each chunk its own segment.</summary>
    public static ReadOnlySequence<byte> Join(params ReadOnlyMemory<byte>[] chunks)
    {
        if (chunks.Length == 0) return ReadOnlySequence<byte>.Empty;
        var first = new BufferSegment(chunks[0]);
        var last = first;
        for (int i = 1; i < chunks.Length; i++) last = last.Append(chunks[i]);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
