using Microsoft.Win32.SafeHandles;

namespace VoiceNote.Modules.AudioProcessing.Speech.PocketSphinx;

/// <summary>A parsed <c>cmd_ln_t</c> configuration; freed with <c>cmd_ln_free_r</c> (reference counted natively).</summary>
internal sealed class ConfigHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ConfigHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        PocketSphinxNative.cmd_ln_free_r(handle);
        return true;
    }
}

/// <summary>A <c>ps_decoder_t</c>; freed with <c>ps_free</c>, which also drops its reference to the config.</summary>
internal sealed class DecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DecoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        PocketSphinxNative.ps_free(handle);
        return true;
    }
}

/// <summary>
/// A <c>ps_seg_t</c> word iterator. <c>ps_seg_next</c> frees it itself at the end, so <see cref="MoveNext"/>
/// marks the handle invalid then; an iteration left early is freed with <c>ps_seg_free</c>.
/// </summary>
internal sealed class SegmentIterator : SafeHandleZeroOrMinusOneIsInvalid
{
    public SegmentIterator()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Advances to the next word; false (and the native iterator gone) at the end.</summary>
    public bool MoveNext()
    {
        var next = PocketSphinxNative.ps_seg_next(handle);
        if (next == 0)
        {
            SetHandleAsInvalid();
            return false;
        }

        SetHandle(next);
        return true;
    }

    protected override bool ReleaseHandle()
    {
        PocketSphinxNative.ps_seg_free(handle);
        return true;
    }
}
