using System.Collections.Frozen;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>
/// Common given names. Recognisers write names in lower case, so "ask john to …" needs a list to tell
/// John from a job title; names that are everyday words ("will", "bill", "may", "grace") are left out.
/// </summary>
internal static class FirstNames
{
    public static readonly FrozenSet<string> All = """
        aaron adam adrian ahmed aisha alan albert alex alexander alexandra alfie ali alice alicia amanda amber amelia
        amy ana andrea andrew andy angela anna anne anthony antonio arthur ava ben benjamin beth brian bruce caroline
        carlos catherine charles charlie charlotte chloe chris christian christine christopher claire clara daniel david
        debbie deborah dennis diana diego dmitri dominic donna dylan ed edward elena eli elijah elizabeth ella ellie
        emily emma eric erik ethan eva fatima felix fiona francesca frank fred freddie gabriel gary george georgia
        gina giovanni greg hannah harry heather helen henry holly ian isaac isabel isabella jack jacob james jamie jane
        janet jason jasmine jeff jennifer jenny jessica jim jimmy joan joe joel john johnny jon jonathan jordan jose
        joseph josh joshua julia julie juliet justin karen kate katie keith kelly ken kevin kim laura lauren leo leon
        liam lily linda lisa liz louis louise lucas lucy luis luke maria marie mario mark martin mary matt matthew max
        maya megan melissa mia michael michelle miguel mike mohammed mohammad muhammad nancy natalie nathan nick
        nicole noah nora olga oliver olivia omar oscar pablo patrick paul paula peter phil philip priya rachel raj
        rebecca richard rick rob robert robin ryan sam samantha samuel sandra sara sarah scott sean sebastian sophie
        sophia stephen steve steven stuart susan tanya thomas tim timothy tom tony victor victoria vincent william
        yusuf zoe anja jonas lukas leonie finn hans klaus jurgen stefan sabine petra monika katrin julian lena marco
        luca giulia sofia pierre camille lucie hugo manon ivan sergei natasha yuki hiroshi kenji wei li chen ming
        arjun rohan ananya deepak sunita ravi ngozi chinedu kwame amara
        """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
