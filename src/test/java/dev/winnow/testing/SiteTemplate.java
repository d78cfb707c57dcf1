package dev.winnow.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One invented news site's page chrome for {@link SiteCorpus}: the lines every page of the site repeats
 * (skip link, brand, menu, banner, share widgets, "most read" heading, footer), the site's pool of teaser
 * headlines, its staff and its byline style.
 *
 * <p>Everything is composed from the general vocabularies below, not copied from any real page, and varies
 * per site in wording, order, layout and the digits in years, addresses and registration numbers, so no two
 * sites share a template and a rule that only knows one site's words cannot pass for a corpus-wide rule.
 */
final class SiteTemplate {

    // Vocabularies: general news-site words, written for this generator. One concept per list.

    /** Halves of invented masthead names ("The Harbour Courier"). */
    private static final String[] PLACES = {"Harbour", "Valley", "Northern", "Capital", "Riverside", "Lakeside", "Metro",
            "County", "Coastal", "Highland", "Westside", "Eastern", "Midland", "Bay", "Summit", "Prairie", "Borough",
            "Island", "Delta", "Pinewood"};
    private static final String[] MASTHEADS = {"Courier", "Gazette", "Herald", "Observer", "Ledger", "Post", "Times",
            "Tribune", "Chronicle", "Dispatch", "Review", "Sentinel", "Record", "Journal", "Examiner", "Bulletin", "Star",
            "Mirror", "Press", "Standard"};
    private static final String[] TLDS = {".com", ".co.uk", ".net", ".org", ".news", ".com.au", ".ie", ".ca"};
    private static final String[] SKIP_LINKS = {"Skip to main content", "Skip to content", "Jump to navigation",
            "Skip to article", "Go to main content"};
    private static final String[] TAGLINES = {"Independent journalism since %d", "News you can trust since %d",
            "Serving the %s region since %d", "Award-winning local news since %d", "Your daily paper since %d",
            "Reporting from the %s since %d"};
    /** Section names of a news site's main menu. */
    private static final String[] SECTIONS = {"Home", "News", "World", "Business", "Politics", "Sport", "Culture",
            "Opinion", "Science", "Technology", "Health", "Travel", "Local", "Weather", "Video", "Podcasts", "Markets",
            "Climate", "Education", "Lifestyle", "Food", "Arts", "Books", "Obituaries", "Puzzles", "Property", "Motoring"};
    /** Account and search items beside the menu. */
    private static final String[] UTILITIES = {"Sign in", "Log in", "Subscribe", "Search", "My account", "Register",
            "Newsletters", "E-paper", "Donate"};
    private static final String[] COOKIE_FIRST = {"We use cookies to give you the best experience on our website.",
            "This site uses cookies to improve your experience and to show you relevant advertising.",
            "We and our partners use cookies to personalise content and analyse our traffic.",
            "Cookies help us deliver our services and measure how the site is used."};
    private static final String[] COOKIE_SECOND = {"By continuing to browse you agree to our use of cookies.",
            "You can change your settings at any time.", "Read our cookie policy to find out more.",
            "Some are essential, others help us improve the site."};
    private static final String[] COOKIE_ACCEPT = {"Accept all", "Accept cookies", "I agree", "OK, got it", "Allow all"};
    private static final String[] COOKIE_REFUSE = {"Manage preferences", "Cookie settings", "Reject all",
            "Customise choices", "Necessary only"};
    private static final String[] NEWSLETTER_NAMES = {"Morning Briefing", "Evening Digest", "Weekend Edition",
            "Daily Newsletter", "First Edition", "Week in Review"};
    private static final String[] NEWSLETTER_WHEN = {"every morning", "every weekday", "each Friday", "every evening",
            "twice a week"};
    private static final String[] NEWSLETTER_BUTTONS = {"Sign up", "Subscribe", "Sign me up", "Join now"};
    private static final String[] SHARES = {"Share this article", "Share on Facebook", "Share on X", "Share on LinkedIn",
            "Share via Email", "Copy link", "Print", "Save for later", "Share on WhatsApp"};
    private static final String[] NETWORKS = {"Instagram", "Facebook", "X", "YouTube", "LinkedIn", "TikTok"};
    private static final String[] MOST_READ = {"Most read", "Most popular", "Trending now", "Editor's picks",
            "Don't miss", "Popular on %s", "Read next"};
    private static final String[] COMPANY_SUFFIXES = {" Ltd", " Inc.", " Media Group", " Publishing", " LLC", ""};
    private static final String[] STREETS = {"Mill", "Station", "Church", "Market", "Bridge", "Harbour", "Park",
            "King", "Queen", "Victoria", "Elm", "Water"};
    private static final String[] STREET_TYPES = {"Street", "Road", "Lane", "Avenue", "Square", "Quay"};
    private static final String[] CITIES = {"Springfield", "Riverton", "Fairview", "Kingsport", "Ashford", "Millbrook",
            "Oakridge", "Westbury", "Northgate", "Clearwater"};
    private static final String[] LEGAL = {"Privacy policy", "Terms of use", "Cookie policy", "Contact us",
            "Advertise with us", "About us", "Careers", "Corrections", "Accessibility", "Sitemap", "Complaints",
            "Syndication"};
    private static final String[] LEGAL_EXTRAS = {"Registered in England and Wales No. %07d",
            "Company registration number %07d", "ABN %011d", "Licence no. %06d"};
    private static final String[] BACK_TO_TOP = {"Back to top", "Return to top", "Top of page"};
    /** Teaser headlines: a pattern and a topic. */
    private static final String[] TEASER_PATTERNS = {"What %s means for you", "%d things to know about %s",
            "Why %s matters more than ever", "How %s could change this year", "Readers react to %s",
            "Explained: %s", "Opinion: %s is a test for the council", "Live updates: %s", "Everything we know about %s",
            "The week in pictures: %s", "Five questions about %s", "Inside the fight over %s"};
    private static final String[] TOPICS = {"the new rail timetable", "the city budget", "the harbour redevelopment",
            "school meals", "the summer heatwave", "housing prices", "the local elections", "the football season",
            "the council tax rise", "bus fares", "the new bridge", "the library closures", "water quality",
            "the marathon route", "the mayor's transport plan", "the hospital waiting lists", "the airport expansion",
            "the energy price cap", "the teachers' strike", "the flood defences", "the night-time economy",
            "rising rents", "the festival lineup", "the cycling lanes"};
    private static final String[] FIRST_NAMES = {"Anna", "Ben", "Carla", "David", "Elif", "Farid", "Grace", "Hugo",
            "Ines", "Jonas", "Kemi", "Liam", "Maya", "Nikhil", "Olga", "Pablo", "Rosa", "Sam", "Tara", "Victor", "Wen",
            "Yusuf", "Zoe", "Marta"};
    private static final String[] LAST_NAMES = {"Adeyemi", "Brennan", "Castillo", "Dubois", "Eriksen", "Fischer",
            "Gallagher", "Hartmann", "Ibrahim", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor",
            "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Uddin", "Varga", "Walsh", "Yilmaz"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

    final int index;
    /** The host without "www.": the site as corpus-wide stages key it, and its folder name in text output. */
    final String key;
    final String host;
    final String brand;
    /** Lines before the headline. */
    final List<String> top;
    /** Cookie or newsletter banner lines; at the top of the page or just above the footer. */
    final List<String> banner;
    final boolean bannerOnTop;
    final List<String> share;
    /** Share lines after the byline, or after the article. */
    final boolean shareAfterByline;
    final String mostReadHeading;
    final List<String> teasers;
    final int teasersPerPage;
    final List<String> footer;
    final List<String> staff;
    final int bylineStyle;

    private SiteTemplate(int index, String key, String host, String brand, List<String> top, List<String> banner,
                         boolean bannerOnTop, List<String> share, boolean shareAfterByline, String mostReadHeading,
                         List<String> teasers, int teasersPerPage, List<String> footer, List<String> staff, int bylineStyle) {
        this.index = index;
        this.key = key;
        this.host = host;
        this.brand = brand;
        this.top = top;
        this.banner = banner;
        this.bannerOnTop = bannerOnTop;
        this.share = share;
        this.shareAfterByline = shareAfterByline;
        this.mostReadHeading = mostReadHeading;
        this.teasers = teasers;
        this.teasersPerPage = teasersPerPage;
        this.footer = footer;
        this.staff = staff;
        this.bylineStyle = bylineStyle;
    }

    /** Every line that appears on every page of the site, in no particular order, without repeats. */
    List<String> templateLines() {
        Set<String> all = new LinkedHashSet<>(top);
        all.addAll(banner);
        all.addAll(share);
        all.add(mostReadHeading);
        all.addAll(footer);
        return List.copyOf(all);
    }

    /**
     * The sites of one corpus: site {@code k} depends only on the seed and {@code k}, so a corpus with more
     * sites keeps the first ones unchanged.
     */
    static List<SiteTemplate> sites(long seed, int count) {
        // Masthead names come from one seeded shuffle of all place x masthead pairs, so names never repeat.
        List<String[]> names = new ArrayList<>();
        for (String p : PLACES) for (String m : MASTHEADS) names.add(new String[] {p, m});
        Collections.shuffle(names, new java.util.Random(seed));
        List<SiteTemplate> sites = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            String[] name = names.get(k % names.size());
            String round = k < names.size() ? "" : String.valueOf(k / names.size() + 1);
            sites.add(site(k, name[0], name[1], round, new SplittableRandom(SiteCorpus.mix(seed, k, SiteCorpus.SALT_SITE))));
        }
        return sites;
    }

    private static SiteTemplate site(int k, String place, String masthead, String round, SplittableRandom r) {
        String brand = (r.nextInt(3) > 0 ? "The " : "") + place + " " + masthead + (round.isEmpty() ? "" : " " + round);
        String key = (place + masthead).toLowerCase(Locale.ROOT) + round + pick(r, TLDS);
        String host = r.nextBoolean() ? "www." + key : key;
        int founded = 1840 + r.nextInt(170);

        List<String> top = new ArrayList<>();
        if (r.nextBoolean()) top.add(pick(r, SKIP_LINKS));
        top.add(brand);
        if (r.nextInt(10) < 7) {
            String tagline = pick(r, TAGLINES);
            top.add(tagline.contains("%s") ? String.format(Locale.ROOT, tagline, place, founded)
                    : String.format(Locale.ROOT, tagline, founded));
        }
        List<String> sections = sample(r, SECTIONS, 5 + r.nextInt(6));
        switch (r.nextInt(4)) {
            case 0 -> top.addAll(sections);
            case 1 -> sections.forEach(s -> top.add("• " + s));
            case 2 -> sections.forEach(s -> top.add("* " + s));
            default -> top.add(String.join(r.nextBoolean() ? " | " : " · ", sections));
        }
        if (r.nextBoolean()) top.add(String.join(" | ", sample(r, UTILITIES, 2 + r.nextInt(2))));

        List<String> banner = new ArrayList<>();
        if (r.nextBoolean()) {
            banner.add(pick(r, COOKIE_FIRST) + " " + pick(r, COOKIE_SECOND));
            banner.add(pick(r, COOKIE_ACCEPT));
            banner.add(pick(r, COOKIE_REFUSE));
        } else {
            banner.add("Sign up for the " + brand.replaceFirst("^The ", "") + " " + pick(r, NEWSLETTER_NAMES));
            banner.add(String.format(Locale.ROOT, "Get the %d stories you need %s, straight to your inbox.",
                    3 + r.nextInt(8), pick(r, NEWSLETTER_WHEN)));
            banner.add(pick(r, NEWSLETTER_BUTTONS));
        }

        List<String> shareItems = sample(r, SHARES, 2 + r.nextInt(4));
        List<String> share = new ArrayList<>();
        if (r.nextBoolean()) share.addAll(shareItems);
        else share.add(String.join(" | ", shareItems));
        if (r.nextBoolean()) share.add("Follow " + brand + " on " + pick(r, NETWORKS));

        String mostRead = String.format(Locale.ROOT, pick(r, MOST_READ), brand);
        Set<String> teasers = new LinkedHashSet<>();
        int teaserPool = 12 + r.nextInt(19);
        while (teasers.size() < teaserPool) {
            String pattern = pick(r, TEASER_PATTERNS);
            String topic = pick(r, TOPICS);
            String t = pattern.startsWith("%d") ? String.format(Locale.ROOT, pattern, 3 + r.nextInt(8), topic)
                    : String.format(Locale.ROOT, pattern, topic);
            teasers.add(Character.toUpperCase(t.charAt(0)) + t.substring(1));
        }

        List<String> footer = new ArrayList<>();
        if (r.nextInt(10) < 4) footer.add(pick(r, BACK_TO_TOP));
        List<String> legal = sample(r, LEGAL, 3 + r.nextInt(4));
        if (r.nextBoolean()) footer.addAll(legal);
        else footer.add(String.join(r.nextBoolean() ? " | " : " · ", legal));
        String company = brand.replaceFirst("^The ", "") + pick(r, COMPANY_SUFFIXES);
        footer.add(String.format(Locale.ROOT, "© %d %s. All rights reserved.", 2019 + r.nextInt(6), company));
        footer.add(String.format(Locale.ROOT, "%s, %d %s %s, %s %05d", company, 1 + r.nextInt(240), pick(r, STREETS),
                pick(r, STREET_TYPES), pick(r, CITIES), r.nextInt(100_000)));
        if (r.nextInt(10) < 4) footer.add(String.format(Locale.ROOT, pick(r, LEGAL_EXTRAS), (long) r.nextInt(9_999_999)));
        // Footer order is a site's own: the copyright first on some, last on others.
        if (r.nextBoolean()) Collections.reverse(footer);

        Set<String> staff = new LinkedHashSet<>();
        int staffSize = 6 + r.nextInt(15);
        while (staff.size() < staffSize) staff.add(pick(r, FIRST_NAMES) + " " + pick(r, LAST_NAMES));

        return new SiteTemplate(k, key, host, brand, List.copyOf(top), List.copyOf(banner), r.nextBoolean(),
                List.copyOf(share), r.nextBoolean(), mostRead, List.copyOf(teasers), 3 + r.nextInt(4), List.copyOf(footer),
                List.copyOf(staff), r.nextInt(3));
    }

    /** The site's byline for an article: three styles, each with the date and time, so bylines rarely repeat. */
    String byline(String author, int year, int month, int day, int hour, int minute) {
        return switch (bylineStyle) {
            case 0 -> String.format(Locale.ROOT, "By %s | %s %d, %d %d:%02d", author, MONTHS[month - 1], day, year,
                    hour, minute);
            case 1 -> String.format(Locale.ROOT, "%s · %d %s %d, %02d:%02d", author, day, MONTHS[month - 1], year, hour,
                    minute);
            default -> String.format(Locale.ROOT, "Published %d-%02d-%02d %02d:%02d by %s", year, month, day, hour,
                    minute, author);
        };
    }

    static String pick(SplittableRandom r, String[] words) {
        return words[r.nextInt(words.length)];
    }

    static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /** {@code n} distinct words in a random order. */
    static List<String> sample(SplittableRandom r, String[] words, int n) {
        List<String> all = new ArrayList<>(List.of(words));
        for (int i = all.size() - 1; i > 0; i--) Collections.swap(all, i, r.nextInt(i + 1));
        return new ArrayList<>(all.subList(0, Math.min(n, all.size())));
    }
}
