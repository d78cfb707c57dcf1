package dev.winnow.run;

import dev.winnow.core.Reason;
import dev.winnow.score.Models;
import dev.winnow.score.PageType;
import dev.winnow.stages.ChainProfile;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user's choices over what the chains keep, without code: reasons whose cuts are not made ({@code --keep}),
 * the page types that give records ({@code --only-page-types}; empty: every type), the chains themselves
 * ({@code --profile FILE}; null: the shipped ones) and the models they read ({@code --html-model},
 * {@code --page-type-model}). Enum sets, so the run fingerprint, which reads them as text, is the same in every
 * JVM; the profile and the models by their identities (the chains name them).
 */
public record Tuning(Set<Reason> keep, Set<PageType> pageTypes, ChainProfile profile, Models models) implements Serializable {
    /** The chains as shipped. */
    public static final Tuning NONE = new Tuning(Set.of(), Set.of(), null, Models.SHIPPED);

    public Tuning {
        keep = keep.isEmpty() ? EnumSet.noneOf(Reason.class) : EnumSet.copyOf(keep);
        pageTypes = pageTypes.isEmpty() ? EnumSet.noneOf(PageType.class) : EnumSet.copyOf(pageTypes);
        if (profile != null && profile.isShipped()) profile = null;     // an unedited copy builds the shipped chains
        if (models == null) models = Models.SHIPPED;
    }

    public static Tuning of(Collection<Reason> keep, Collection<PageType> pageTypes) {
        return new Tuning(Set.copyOf(keep), Set.copyOf(pageTypes), null, Models.SHIPPED);
    }

    /** These choices with the chains of {@code profile} ({@code --profile}). */
    public Tuning withProfile(ChainProfile chains) {
        return new Tuning(keep, pageTypes, chains, models);
    }

    /** These choices with the chains reading {@code retrained} instead of the shipped models. */
    public Tuning withModels(Models retrained) {
        return new Tuning(keep, pageTypes, profile, retrained);
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
