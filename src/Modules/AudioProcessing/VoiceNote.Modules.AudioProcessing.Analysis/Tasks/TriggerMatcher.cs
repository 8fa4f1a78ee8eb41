namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>
/// Decides whether a clause states a task and where its action starts. Only the opening of a clause
/// counts (after fillers such as "so", "okay", "also"): an imperative verb, or an intent phrase
/// ("I need to", "remind me to", "don't forget to", "let's"). Narration ("I called …"), questions
/// ("should I call him?") and negations ("no need to call") open differently and yield nothing.
/// See docs/decisions/0031.
/// </summary>
internal static class TriggerMatcher
{
    private static readonly string[][] LeadIns =
    [
        ["i", "think"], ["i", "guess"], ["i", "believe"], ["you", "know"], ["by", "the", "way"], ["oh", "yeah"],
        ["note", "to", "self"], ["one", "more", "thing"], ["to", "do"], ["last", "thing"], ["and", "then"],
        ["before", "i", "forget"], ["before", "we", "forget"], ["after", "that"], ["oh", "and"],
    ];

    private static readonly string[] Adverbs = ["also", "really", "definitely", "still", "just", "absolutely", "first", "quickly", "finally", "actually", "seriously", "probably", "maybe", "then", "now", "please", "at", "least"];

    /// <param name="cues">Positions of priority cues ("urgent", "someday"); at the opening they are skipped like fillers.</param>
    public static Trigger? Match(ClauseWords w, bool questionMark, IReadOnlySet<int> cues)
    {
        var trigger = Match(w, questionMark, cues, 0);
        if (trigger is not null || questionMark)
        {
            return trigger;
        }

        // One or two misrecognised words before the opening ("the urgent call the bank", "know remind me to …"):
        // looked past only when a clear task follows, and with less confidence (docs/decisions/0074).
        for (var stray = 1; stray <= MaxStrayWords && stray < w.Count; stray++)
        {
            if (!IsStray(w, stray - 1))
            {
                break;
            }

            if (Match(w, false, cues, stray) is { } past && IsClear(w, past))
            {
                return past with { Confidence = Math.Round(past.Confidence * 0.8, 2) };
            }
        }

        return null;
    }

    private const int MaxStrayWords = 2;

    /// <summary>A word that may be a recognition slip: not one that changes what follows (a subject, a negation, a question).</summary>
    private static bool IsStray(ClauseWords w, int p) =>
        !w.Is(p, TaskLexicon.Pronouns) && !w.Is(p, TaskLexicon.Negations) && !w.Is(p, TaskLexicon.QuestionWords)
        && !w.Is(p, TaskLexicon.QuestionAuxiliaries) && !w.Is(p, TaskLexicon.ActionVerbs) && w[p] is { } word
        && !word.Contains('\'', StringComparison.Ordinal) && !AssigneeFinder.TryReadName(w, p, strict: true, out _, out _);

    /// <summary>An intent phrase, or an imperative whose object starts like one ("call the bank", "pick up Tom").</summary>
    private static bool IsClear(ClauseWords w, Trigger trigger) =>
        trigger.Kind != TriggerKind.Imperative
        || w[trigger.ActionStart + 1] is "the" or "a" or "an" or "my" or "our" or "your" or "his" or "her" or "their" or "up" or "back" or "some"
        || AssigneeFinder.TryReadName(w, trigger.ActionStart + 1, strict: true, out _, out _);

    private static Trigger? Match(ClauseWords w, bool questionMark, IReadOnlySet<int> cues, int from)
    {
        var p = from;
        var hedged = false;
        while (p < w.Count)
        {
            var lead = LeadIns.FirstOrDefault(l => w.Seq(p, l));
            if (cues.Contains(p))
            {
                // "it's urgent to renew …": the cue opens the clause and "to" leads to the action.
                p++;
                if (!cues.Contains(p) && w.Is(p, "to"))
                {
                    p++;
                }
            }
            else if (lead is not null)
            {
                p += lead.Length;
            }
            else if (w.Is(p, TaskLexicon.Fillers) && !IsOpeningVerb(w, p))
            {
                hedged |= w.Is(p, TaskLexicon.Hedges);
                p++;
            }
            else
            {
                break;
            }
        }

        if (p >= w.Count)
        {
            return null;
        }

        var trigger = MatchAt(w, p, questionMark);
        return trigger is null ? null : trigger with { Confidence = Math.Round(trigger.Confidence * (hedged ? 0.8 : 1), 2) };
    }

    private static Trigger? MatchAt(ClauseWords w, int p, bool questionMark)
    {
        // "can you send me the file" is a request in question form.
        if (w[p] is "can" or "could" or "would" or "will" && w.Is(p + 1, "you"))
        {
            var q = SkipAdverbs(w, p + 2);
            return w.Is(q, TaskLexicon.ActionVerbs) && !w.Is(q + 1, TaskLexicon.NounSignals) ? Complement(w, TriggerKind.Request, q, 0.75) : null;
        }

        if (questionMark || w.Is(p, TaskLexicon.QuestionWords) || IsInvertedQuestion(w, p))
        {
            return null;
        }

        if (ForgetNot(w, p) is int afterForget)
        {
            return w[afterForget] switch
            {
                "to" => Complement(w, TriggerKind.Reminder, afterForget + 1, 0.95),
                "about" or "that" => Thing(w, afterForget + 1),
                _ => Thing(w, afterForget),
            };
        }

        if (w.Is(p, TaskLexicon.Negations) || w.Seq(p, "there's", "no") || w.Seq(p, "there", "is", "no") || w.Seq(p, "forget", "about"))
        {
            return null;
        }

        return Reminder(w, p) ?? Intent(w, p) ?? Delegated(w, p) ?? Imperative(w, p);
    }

    private static Trigger? Reminder(ClauseWords w, int p)
    {
        if (w.Seq(p, "remind", "me", "to") || w.Seq(p, "remind", "us", "to"))
        {
            return Complement(w, TriggerKind.Reminder, p + 3, 0.95);
        }

        if (w.Seq(p, "remind", "me") && w[p + 2] is "about" or "of" or "that")
        {
            return Thing(w, p + 3);
        }

        if (w.Seq(p, "remember", "to") || w.Seq(p, "be", "sure", "to"))
        {
            return Complement(w, TriggerKind.Reminder, p + (w.Is(p, "be") ? 3 : 2), 0.9);
        }

        if (w.Seq(p, "make", "sure"))
        {
            var q = p + 2;
            q += w[q] is "to" or "that" ? 1 : 0;
            q += w[q] is "i" or "we" or "you" ? 1 : 0;
            return Complement(w, TriggerKind.Reminder, q, 0.9);
        }

        return null;
    }

    private static Trigger? Intent(ClauseWords w, int p)
    {
        if (w[p] is "let's" or "lets")
        {
            return Complement(w, TriggerKind.Intent, p + 1, 0.85);
        }

        if (w.Seq(p, "let", "us"))
        {
            return Complement(w, TriggerKind.Intent, p + 2, 0.85);
        }

        if (w.Seq(p, "it's", "important", "to") || w.Seq(p, "its", "important", "to") || w.Seq(p, "it", "is", "important", "to"))
        {
            var q = p + (w.Is(p, "it") ? 4 : 3);
            return Complement(w, TriggerKind.Intent, q, 0.85) is { } t ? t with { Important = true } : null;
        }

        if (w[p] is "i" or "we" && w[p + 1] is "need" or "want" && w.Is(p + 2, "you") && w.Is(p + 3, "to"))
        {
            return Complement(w, TriggerKind.Request, p + 4, 0.8);
        }

        if (w[p] is "i'd" && w.Seq(p + 1, "like", "you", "to"))
        {
            return Complement(w, TriggerKind.Request, p + 4, 0.8);
        }

        var subject = Subject(w, p);
        if (subject is not null)
        {
            var (afterSubject, firstPerson, contraction) = subject.Value;
            afterSubject = contraction is null ? SkipAdverbs(w, afterSubject) : afterSubject;
            if (w.Is(afterSubject, TaskLexicon.Negations))
            {
                return null;
            }

            var afterModal = Modal(w, afterSubject, firstPerson, contraction);
            if (afterModal is null || w.Is(afterModal.Value, TaskLexicon.Negations))
            {
                return null;
            }

            return Complement(w, TriggerKind.Intent, Nested(w, SkipAdverbs(w, afterModal.Value)), 0.9);
        }

        // Subject dropped, as people do in quick notes: "need to call the bank".
        var dropped = DroppedSubjectModal(w, p);
        return dropped is int q2 ? Complement(w, TriggerKind.Intent, Nested(w, SkipAdverbs(w, q2)), 0.75) : null;
    }

    /// <summary>"John needs to send the invoice": the task belongs to John.</summary>
    private static Trigger? Delegated(ClauseWords w, int p)
    {
        if (!AssigneeFinder.TryReadName(w, p, strict: true, out _, out var afterName))
        {
            return null;
        }

        int? q = w[afterName] switch
        {
            "needs" or "has" or "ought" when w.Is(afterName + 1, "to") => afterName + 2,
            "must" or "should" or "will" => afterName + 1,
            "has" when w.Seq(afterName + 1, "got", "to") => afterName + 3,
            "is" when w.Seq(afterName + 1, "going", "to") => afterName + 3,
            _ => null,
        };
        return q is int start && !w.Is(start, TaskLexicon.Negations)
            ? Complement(w, TriggerKind.Delegated, SkipAdverbs(w, start), 0.7) is { } t ? t with { DelegateAt = p } : null
            : null;
    }

    private static Trigger? Imperative(ClauseWords w, int p)
    {
        if (!w.Is(p, TaskLexicon.ActionVerbs) || p + 1 >= w.Count || w.Is(p + 1, TaskLexicon.NounSignals))
        {
            return null;
        }

        // "see you later", "take care", "do you …" are not tasks.
        if (w.Seq(p, "see", "you") || w.Seq(p, "take", "care") || w.Seq(p, "thank", "you") || w.Seq(p, "look", "at", "that"))
        {
            return null;
        }

        return new Trigger(TriggerKind.Imperative, p, 0.85);
    }

    /// <summary>Checks the words after an intent: "I have to say …" or "I should have called" are not tasks.</summary>
    private static Trigger? Complement(ClauseWords w, TriggerKind kind, int q, double confidence)
    {
        if (q >= w.Count || w.Is(q, TaskLexicon.RhetoricalVerbs) || w.Is(q, TaskLexicon.Negations) || w.Seq(q, "tell", "you"))
        {
            return null;
        }

        if (w.Is(q, "have") && w[q + 1] is { } next && (TaskLexicon.IrregularParticiples.Contains(next) || next.EndsWith("ed", StringComparison.Ordinal)))
        {
            return null;
        }

        if (w.Is(q, TaskLexicon.Pronouns) || w[q] is "the" or "a" or "an" or "to" || (w[q] is { } first && first.Contains('\'', StringComparison.Ordinal) && first.Length <= 7 && TaskLexicon.Pronouns.Contains(first[..first.IndexOf('\'', StringComparison.Ordinal)])))
        {
            return null;
        }

        var known = w.Is(q, TaskLexicon.ActionVerbs);
        if (!known && q + 1 >= w.Count)
        {
            return null;
        }

        return new Trigger(kind, q, known ? confidence : confidence * 0.9);
    }

    private static Trigger? Thing(ClauseWords w, int q) =>
        q < w.Count && !w.Is(q, TaskLexicon.Negations) ? new Trigger(TriggerKind.RememberThing, q, 0.85) : null;

    /// <summary>"don't forget", "do not forget", "never forget", "must not forget": a reminder, not a negation.</summary>
    private static int? ForgetNot(ClauseWords w, int p)
    {
        if (w[p] is "don't" or "dont" or "never" && w.Is(p + 1, "forget"))
        {
            return p + 2;
        }

        if (w.Seq(p, "do", "not", "forget"))
        {
            return p + 3;
        }

        if (w[p] is "i" or "we" or "you" && w[p + 1] is "must" or "should" && w.Seq(p + 2, "not", "forget"))
        {
            return p + 4;
        }

        return w[p] is "i" or "we" or "you" && w[p + 1] is "mustn't" or "shouldn't" && w.Is(p + 2, "forget") ? p + 3 : null;
    }

    private static bool IsInvertedQuestion(ClauseWords w, int p)
    {
        if (!w.Is(p, TaskLexicon.QuestionAuxiliaries))
        {
            return false;
        }

        var subject = w[p + 1];
        return subject is "i" or "we" or "you" or "he" or "she" or "they" or "there" or "someone" or "anyone" or "somebody" or "anybody"
            || (subject is "it" or "this" or "that" && w[p] is not ("do" or "don't"));
    }

    /// <summary>A first- or second-person subject, possibly contracted ("I'll", "we're", "I've").</summary>
    private static (int After, bool FirstPerson, string? Contraction)? Subject(ClauseWords w, int p) => w[p] switch
    {
        "i" or "we" => (p + 1, true, null),
        "you" => (p + 1, false, null),
        "i'll" or "we'll" or "ill" => (p + 1, true, "will"),
        "i'm" or "we're" or "im" => (p + 1, true, "be"),
        "i've" or "we've" or "you've" or "ive" => (p + 1, w[p] != "you've", "have"),
        "i'd" or "we'd" or "you'd" => (p + 1, w[p] != "you'd", "would"),
        _ => null,
    };

    /// <summary>The modal after a subject; returns the position after it. "will"/"going to" only in the first person.</summary>
    private static int? Modal(ClauseWords w, int q, bool firstPerson, string? contraction)
    {
        switch (contraction)
        {
            case "will":
                return q;
            case "be":
                return w.Seq(q, "going", "to") || w.Seq(q, "planning", "to") ? q + 2 : w.Is(q, "gonna") ? q + 1 : null;
            case "have":
                return w.Seq(q, "got", "to") ? q + 2 : w.Is(q, "gotta") ? q + 1 : null;
            case "would":
                return w.Is(q, "better") ? q + 1 : null;
        }

        if (w.Seq(q, "need", "to") || w.Seq(q, "have", "to") || w.Seq(q, "ought", "to") || w.Seq(q, "got", "to") || w.Seq(q, "plan", "to"))
        {
            return q + 2;
        }

        if (w.Seq(q, "have", "got", "to") || w.Seq(q, "really", "need", "to") || w.Seq(q, "had", "better", "not"))
        {
            return w.Is(q + 2, "not") ? null : q + 3;
        }

        if (w[q] is "must" or "should" or "gotta" || w.Seq(q, "had", "better") || w.Is(q, "better"))
        {
            return q + (w.Seq(q, "had", "better") ? 2 : 1);
        }

        if (!firstPerson)
        {
            return null;
        }

        if (w.Is(q, "will"))
        {
            return q + 1;
        }

        if (w[q] is "am" or "are" && (w.Seq(q + 1, "going", "to") || w.Seq(q + 1, "planning", "to")))
        {
            return q + 3;
        }

        return w[q] is "am" or "are" && w.Is(q + 1, "gonna") ? q + 2 : null;
    }

    private static int? DroppedSubjectModal(ClauseWords w, int p)
    {
        if (w.Seq(p, "need", "to") || w.Seq(p, "have", "to") || w.Seq(p, "got", "to") || w.Seq(p, "ought", "to"))
        {
            return p + 2;
        }

        return w[p] is "gotta" or "must" or "should" ? p + 1 : null;
    }

    /// <summary>"I need to remember to …", "we should make sure to …": the action is after the inner phrase.</summary>
    private static int Nested(ClauseWords w, int q)
    {
        if (w.Seq(q, "remember", "to") || w.Seq(q, "go", "and"))
        {
            return q + 2;
        }

        if (w.Seq(q, "make", "sure", "to") || w.Seq(q, "not", "forget", "to") || w.Seq(q, "be", "sure", "to"))
        {
            return q + 3;
        }

        return q;
    }

    private static int SkipAdverbs(ClauseWords w, int q)
    {
        while (q < w.Count && Adverbs.Contains(w[q]) && !(w.Is(q, "at") && !w.Is(q + 1, "least")))
        {
            q++;
        }

        return q;
    }

    /// <summary>A filler that is also the opening verb of the task ("call" is never a filler, but "get"/"next" can be).</summary>
    private static bool IsOpeningVerb(ClauseWords w, int p) => w.Is(p, TaskLexicon.ActionVerbs) && !w.Is(p + 1, TaskLexicon.NounSignals);
}
