package dev.winnow.run;

import dev.winnow.core.Reason;
import dev.winnow.score.PageType;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user's choices over what the chains keep, without code: reasons whose cuts are not made ({@code --keep}) and
 * the page types that give records ({@code --only-page-types}; empty: every type). Enum sets, so the run
 * fingerprint, which reads them as text, is the same in every JVM.
 */
public record Tuning(Set<Reason> keep, Set<PageType> pageTypes) implements Serializable {
    /** The chains as shipped. */
    public static final Tuning NONE = new Tuning(Set.of(), Set.of());

    public Tuning {
        keep = keep.isEmpty() ? EnumSet.noneOf(Reason.class) : EnumSet.copyOf(keep);
        pageTypes = pageTypes.isEmpty() ? EnumSet.noneOf(PageType.class) : EnumSet.copyOf(pageTypes);
    }

    public static Tuning of(Collection<Reason> keep, Collection<PageType> pageTypes) {
        return new Tuning(Set.copyOf(keep), Set.copyOf(pageTypes));
    }

    /** Whether a document of {@code type} gives a record. */
    public boolean accepts(PageType type) {
        return pageTypes.isEmpty() || pageTypes.contains(type);
    }

    @Override
    public Set<Reason> keep() {
        return java.util.Collections.unmodifiableSet(keep);
    }

    @Override
    public Set<PageType> pageTypes() {
        return java.util.Collections.unmodifiableSet(pageTypes);
    }
}
