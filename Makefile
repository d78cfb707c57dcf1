# Winnow: two commands take a fresh machine to a result.
#   make run    build, then clean seeds/ into cleaned/
#   make test   the whole test suite (what CI runs)
#   make spark-local   clean seeds/ on Spark (two local cores) into target/spark-cleaned/
# Needs Java 17+ and Maven 3.8+; `make deps` installs them on Debian/Ubuntu.

JAR   := target/winnow.jar
MVN   := mvn -B -q
JAVA  := java
SRC   := $(shell find src/main -type f 2>/dev/null) pom.xml

.PHONY: all build run test bench bench-scale jmh deps clean spark-local train-page-type train oof install screenshots

all: build

build: $(JAR)

$(JAR): $(SRC)
	$(MVN) -DskipTests package

run: $(JAR)
	$(JAVA) -jar $(JAR) clean seeds -o cleaned

# Spark without spark-submit. Spark is a provided dependency, absent from the jar, so its jars come from the
# Maven repository, listed once into SPARK_CP. Bound to 127.0.0.1 with no web UI: a local run opens no port
# to the network, and works on a machine whose host name does not resolve.
SPARK_CP   := target/spark-classpath.txt
SPARK_CONF := --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1

# includeScope, not mdep.includeScope (not a property of the plugin, so it listed every scope): the list was 436 jars,
# Winnow's own dependencies (already in the shaded jar) and its test libraries too, where Spark needs its 160. The JVM
# keeps each opened jar's directory in the heap (20 MB against 10 MB) and looks for each class in jar after jar: in a
# 512 MB heap that much more live heap kept G1 marking the old generation all through the run (issue 11).
$(SPARK_CP): pom.xml Makefile
	@mkdir -p target
	$(MVN) -o dependency:build-classpath -DincludeScope=provided -Dmdep.outputFile=$(SPARK_CP) >/dev/null \
	  || $(MVN) dependency:build-classpath -DincludeScope=provided -Dmdep.outputFile=$(SPARK_CP)

# The module openings spark-submit adds on Java 17 (Spark's JavaModuleOptions): a JVM started without them
# fails when Spark spills a serialized block (Kryo reaching into java.nio), which a small heap makes happen.
SPARK_OPENS := -XX:+IgnoreUnrecognizedVMOptions $(foreach p,java.lang java.lang.invoke java.lang.reflect java.io \
  java.net java.nio java.util java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch \
  sun.nio.cs sun.security.action sun.util.calendar,--add-opens=java.base/$(p)=ALL-UNNAMED)
spark-local: $(JAR) $(SPARK_CP)
	$(JAVA) $(SPARK_OPENS) -cp $(JAR):$$(cat $(SPARK_CP)) dev.winnow.spark.SparkMain seeds -o target/spark-cleaned --master 'local[2]' $(SPARK_CONF)

# Not quiet: Surefire's closing "Tests run: N, Failures: 0 ..." line is how CI and people read the result.
test:
	mvn -B --no-transfer-progress verify
	@sh tools/test-summary.sh
	@# The launcher, from the checkout and installed, as the README uses it.
	@bin/winnow --version >/dev/null && rm -rf target/install-check && $(MAKE) -s install PREFIX=target/install-check \
	  && target/install-check/bin/winnow --version >/dev/null && echo "launcher: bin/winnow and make install work"

# `winnow` on the PATH: PREFIX/bin/winnow runs PREFIX/share/winnow/winnow.jar (default PREFIX: /usr/local).
PREFIX ?= /usr/local
install: $(JAR)
	install -d $(PREFIX)/bin $(PREFIX)/share/winnow
	install -m 644 $(JAR) $(PREFIX)/share/winnow/winnow.jar
	install -m 755 bin/winnow $(PREFIX)/bin/winnow

# Whole-run throughput on repeated development pages (not a test: nothing fails on its numbers).
# One JVM per row so peak memory belongs to that run; the heap is capped so rows compare. Warm rows measure a
# run after warm-up passes (a long batch job's steady state); cold rows start winnow as a user does (java -jar),
# JVM start-up and JIT included.
BENCH_HEAP    ?= 1g
BENCH_RESULTS := target/bench/results.tsv
BENCH_JAVA    := $(JAVA) -Xmx$(BENCH_HEAP) -cp $(JAR):target/test-classes dev.winnow.bench.TextThroughput

# Then HTML, in one JVM: warmed-up single-thread ms per page on the 91 development pages for bare jsoup
# parsing (the floor), Winnow, boilerpipe and Readability4J side by side, each with its F1, and Winnow's
# throughput on BENCH_THREADS threads. The other extractors are test-scope dependencies, hence the test classpath.
BENCH_THREADS ?= 2
BENCH_TEST_CP := target/bench/test-classpath.txt
BENCH_HTML    := $(JAVA) -Xmx$(BENCH_HEAP) -cp $(JAR):target/test-classes:$$(cat $(BENCH_TEST_CP)) dev.winnow.bench.HtmlBench

bench: $(JAR)
	$(MVN) -o test-compile || $(MVN) test-compile
	@mkdir -p target/bench && rm -f $(BENCH_RESULTS)
	$(BENCH_JAVA) 200 1 $(BENCH_RESULTS) --no-corpus
	$(BENCH_JAVA) 200 1 $(BENCH_RESULTS)
	$(BENCH_JAVA) 200 2 $(BENCH_RESULTS)
	$(BENCH_JAVA) 400 2 $(BENCH_RESULTS)
	$(BENCH_JAVA) 200 1 $(BENCH_RESULTS) --no-corpus --cold
	$(BENCH_JAVA) 200 1 $(BENCH_RESULTS) --cold
	@echo
	@$(BENCH_JAVA) --table $(BENCH_RESULTS)
	@echo
	@$(MVN) -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$(BENCH_TEST_CP) >/dev/null \
	  || $(MVN) dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$(BENCH_TEST_CP)
	$(BENCH_HTML) --threads $(BENCH_THREADS)

# Micro-benchmarks (JMH): the text path per document (the floor a run pays besides cleaning, each stage alone,
# the chain, the record line, the corpus features) and the HTML path per page (bare jsoup parsing, the front end,
# the front end and the chain). JMH_ARGS passes JMH options, e.g. JMH_ARGS="HtmlBenchmarks -i 3".
# Results: target/bench/jmh.json and the table on standard output.
JMH_ARGS ?=
jmh: $(JAR)
	$(MVN) -o test-compile || $(MVN) test-compile
	@mkdir -p target/bench
	@$(MVN) -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$(BENCH_TEST_CP) >/dev/null \
	  || $(MVN) dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$(BENCH_TEST_CP)
	$(JAVA) -cp target/test-classes:$(JAR):$$(cat $(BENCH_TEST_CP)) org.openjdk.jmh.Main -rf json -rff target/bench/jmh.json $(JMH_ARGS)

# Corpus scale: winnow clean on a generated multi-site corpus (SiteCorpus) at each of SCALE_SIZES MB, one
# JVM per size with the heap capped, so the table shows whether peak memory grows with the corpus (it must
# not). Corpora are generated once under target/bench/scale-<SIZE>mb-<FORMAT> and reused.
#   SCALE_FORMAT=text     site folders of .txt files (what main reads today); jsonl: JSON Lines shards
#   SCALE_ENGINES="local spark"   adds a Spark local[SCALE_THREADS] row per size: needs dev.winnow.spark.SparkMain
#                         in the jar and target/spark-classpath.txt (SCALE_SPARK_JVM: extra child JVM options)
SCALE_SIZES     ?= 1000 2000
SCALE_THREADS   ?= 2
SCALE_HEAP      ?= 2g
SCALE_FORMAT    ?= jsonl
SCALE_ENGINES   ?= local
SCALE_SPARK_JVM ?= $(SPARK_OPENS)
SCALE_RESULTS   := target/bench/scale-results.tsv
SCALE_JAVA      := $(JAVA) -Xmx$(SCALE_HEAP) -Dbench.spark.jvm="$(SCALE_SPARK_JVM)" -cp $(JAR):target/test-classes dev.winnow.bench.CorpusScaleBench

bench-scale: $(JAR) $(if $(filter spark,$(SCALE_ENGINES)),$(SPARK_CP))
	$(MVN) -o test-compile || $(MVN) test-compile
	@mkdir -p target/bench && rm -f $(SCALE_RESULTS)
	@for size in $(SCALE_SIZES); do for engine in $(SCALE_ENGINES); do \
	  $(SCALE_JAVA) $$size $(SCALE_THREADS) $(SCALE_RESULTS) --format $(SCALE_FORMAT) --engine $$engine || exit 1; \
	done; done
	@echo
	@$(SCALE_JAVA) --table $(SCALE_RESULTS)

deps:
	@command -v java >/dev/null && command -v mvn >/dev/null || \
	  (apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven)
	@# Headless Chromium opens the explain pages in a test (skipped without it) and takes make screenshots' pictures.
	@[ -x /usr/bin/chromium ] || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "winnow: chromium not installed; the browser test will be skipped and make screenshots cannot run"

# Pictures of winnow explain and of a run's report.html for the README (docs/*.png), taken by headless Chromium (make deps installs it).
screenshots: $(JAR)
	@rm -rf target/screenshots && mkdir -p target/screenshots/in docs
	cp seeds/003_35dfe09d1baa616a.txt src/test/resources/wcxb-sample/html/0025.html.gz target/screenshots/in/
	java -jar $(JAR) explain target/screenshots/in -o target/screenshots/explain
	@for page in 003_35dfe09d1baa616a 0025; do \
	  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir=target/screenshots/profile \
	    --window-size=1200,900 --screenshot=docs/explain-$$page.png file://$(CURDIR)/target/screenshots/explain/$$page.html \
	    >/dev/null 2>&1 || exit 1; echo "docs/explain-$$page.png"; done
	java -jar $(JAR) clean seeds src/test/resources/wcxb-sample/html -o target/screenshots/run -q; test $$? -le 3
	@/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
	  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir=target/screenshots/profile \
	  --window-size=1100,1500 --screenshot=docs/report.png file://$(CURDIR)/target/screenshots/run/report.html \
	  >/dev/null 2>&1 && echo docs/report.png

clean:
	$(MVN) clean

# The page-type classifier (metadata.page_type): retrains both models (HTML and plain text) from WCXB's
# development pages, deterministically, prints out-of-fold accuracy, per-type precision/recall and the
# confusion matrix (5 folds grouped by domain), and rewrites src/main/resources/dev/winnow/model/*-page-type.json;
# each fold's models go to target/oof/models for `make oof`.
# Tribuo is a test-scope dependency, hence the test classpath.
WCXB_DEV      ?= ../shared/eval/wcxb-dev
TRAIN_TEST_CP := target/train-test-classpath.txt

train-page-type:
	$(MVN) -o test-compile || $(MVN) test-compile
	@$(MVN) -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$(TRAIN_TEST_CP) >/dev/null \
	  || $(MVN) dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$(TRAIN_TEST_CP)
	$(JAVA) -cp target/classes:target/test-classes:$$(cat $(TRAIN_TEST_CP)) dev.winnow.train.TrainPageType \
	  $(WCXB_DEV) src/main/resources/dev/winnow/model --folds target/oof/models

# The learned block scorer of the HTML chain (content_score, and the markup cuts it may overrule): retrains it
# from WCXB's development pages with XGBoost (a test-scope dependency), rewrites
# src/main/resources/dev/winnow/model/html-blocks.json, and leaves one model per fold (trained without that
# fold's domains) and its held-out page ids in target/oof/models for `make oof`; the page-type models first
# (train-page-type), so that `make oof` types each page with models that never saw its site too.
TRAIN_JAVA := $(JAVA) -Xmx8g -cp target/classes:target/test-classes:$$(cat $(TRAIN_TEST_CP))

train: train-page-type
	$(MVN) -o test-compile || $(MVN) test-compile
	@$(MVN) -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$(TRAIN_TEST_CP) >/dev/null \
	  || $(MVN) dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$(TRAIN_TEST_CP)
	$(TRAIN_JAVA) dev.winnow.train.TrainScorer html $(WCXB_DEV) src/main/resources/dev/winnow/model/html-blocks.json target/oof/models

# Out-of-fold quality of the HTML chain and of the text chain on the text dumps: each WCXB development page
# cleaned and typed by the fold models that never saw its domain (from `make train`, passed by --html-model and
# --page-type-model), scored with the benchmark's scorer.
oof: $(JAR)
	tools/oof.sh $(WCXB_DEV) target/oof html text
