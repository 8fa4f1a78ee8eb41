using System.Text;

namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>
/// Collects a stream's text up to a limit. Keeping the tail suits standard error (a tool's reason comes
/// last); keeping the head and flagging overflow suits standard output that is parsed.
/// </summary>
internal sealed class BoundedText(int limit, bool keepTail)
{
    private readonly StringBuilder _text = new();
    private readonly object _gate = new();

    public bool Overflowed { get; private set; }

    public void Append(ReadOnlySpan<char> chunk)
    {
        lock (_gate)
        {
            if (!keepTail)
            {
                var room = limit - _text.Length;
                if (chunk.Length > room)
                {
                    Overflowed = true;
                    chunk = chunk[..Math.Max(room, 0)];
                }

                _text.Append(chunk);
                return;
            }

            _text.Append(chunk);
            // Trim lazily (at twice the limit) so appending stays amortised O(1).
            if (_text.Length > 2 * limit)
            {
                Overflowed = true;
                _text.Remove(0, _text.Length - limit);
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.Length > limit && keepTail ? _text.ToString(_text.Length - limit, limit) : _text.ToString();
        }
    }
}
