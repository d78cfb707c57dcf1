# Winnow: two commands take a fresh machine to a result.
#   make run    build, then clean seeds/ into cleaned/
#   make test   the whole test suite (what CI runs)
# Needs Java 17+ and Maven 3.8+; `make deps` installs them on Debian/Ubuntu.

JAR   := target/winnow.jar
MVN   := mvn -B -q
JAVA  := java
SRC   := $(shell find src/main -type f 2>/dev/null) pom.xml

.PHONY: all build run test bench deps clean

all: build

build: $(JAR)

$(JAR): $(SRC)
	$(MVN) -DskipTests package

run: $(JAR)
	$(JAVA) -jar $(JAR) clean seeds -o cleaned

test:
	$(MVN) verify

deps:
	@command -v java >/dev/null && command -v mvn >/dev/null || \
	  (apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven)

clean:
	$(MVN) clean
