# icsrisk — the two commands of the README, and their parts.
#   make demo   install what is missing, build, analyse the example plant into reports/
#   make test   install what is missing, build, run the whole test suite
# Each works alone on a fresh Debian 12 machine (root, or sudo for apt-get).

BUILD    ?= build
PRESET   ?= release
JOBS     ?= $(shell nproc)
ICSRISK  := $(BUILD)/icsrisk

# Debian packages the build, the demo and the tests need (README, "Dependencies").
PACKAGES := cmake ninja-build g++ make pkg-config \
  libboost-graph-dev libpugixml-dev libgraphviz-dev graphviz \
  fonts-ipaexfont libcli11-dev libfmt-dev nlohmann-json3-dev libxlsxwriter-dev \
  libgtest-dev libgmock-dev libbenchmark-dev libbdd-dev libcsv-dev libxml2-utils unzip clang-format clang-tidy \
  libeigen3-dev \
  libexpat1-dev libjemalloc-dev zlib1g-dev

# Optional: the browser test of report.html is skipped (with a message) without it.
OPTIONAL_PACKAGES := chromium

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo screenshot test test-asan check format format-check tidy fuzz bench clean

all: build

deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@for p in $(OPTIONAL_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || \
	  { DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$p >/dev/null 2>&1 || \
	    echo "note: optional package $$p could not be installed; its test will be skipped"; }; \
	done

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(ICSRISK) validate models/model-plant.xml models/small-plant.xml
	$(ICSRISK) analyze --example -o reports/model-plant --format html,xlsx,csv,md,json,dot,svg,png
	@echo "open reports/model-plant/report.html"

# The screenshot of the HTML report shown in the README (needs chromium).
screenshot: build
	tests/cli/html-chromium.sh $(ICSRISK) $(CURDIR) reports/report-screenshot.png

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The suite again under AddressSanitizer + UndefinedBehaviorSanitizer (CI runs it).
test-asan: deps
	cmake -S . -B $(BUILD)-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DICSRISK_SANITIZE=ON -DICSRISK_BUILD_BENCH=OFF
	cmake --build $(BUILD)-asan -j $(JOBS)
	cd $(BUILD)-asan && ctest --output-on-failure -j $(JOBS)

# Everything a change passes before it is merged to main (CI runs the first two).
check: test format-check tidy test-asan

SOURCES = $(shell git ls-files '*.cc' '*.h' 2>/dev/null)
format:
	clang-format -i $(SOURCES)
format-check:
	@clang-format --dry-run --Werror $(SOURCES) && echo "format-check: $(words $(SOURCES)) files clean"

# clang-tidy with the checks of .clang-tidy on every library and CLI source, warnings as errors.
# clang-tidy cannot read GCC's precompiled headers: it gets the compile commands without them.
tidy: build
	@mkdir -p $(BUILD)/tidy
	sed -E 's# -include [^ ]*cmake_pch\.hxx##g; s# -Winvalid-pch##g' $(BUILD)/compile_commands.json \
	  > $(BUILD)/tidy/compile_commands.json
	run-clang-tidy -quiet -j $(JOBS) -p $(BUILD)/tidy '^$(CURDIR)/src/.*\.cc$$' > $(BUILD)/tidy.log 2>&1 || \
	  { grep -E 'warning:|error:' $(BUILD)/tidy.log | sort -u; exit 1; }
	@echo "tidy: $$(git ls-files 'src/*.cc' | wc -l) files clean"

# libFuzzer targets (clang); the corpora also replay as ctest cases in the normal build.
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(BUILD)-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DICSRISK_FUZZ=ON -DICSRISK_BUILD_BENCH=OFF
	cmake --build $(BUILD)-fuzz -j $(JOBS) --target fuzzers

bench: build
	$(BUILD)/tests/bench/icsrisk_bench

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
