# DutyDesk (值班台). `make run` starts the whole stack on http://127.0.0.1:8080/,
# `make test` runs every test in a throwaway instance. See README.md.

CC      ?= cc
CXX     ?= g++
WARN     = -Wall -Wextra -Werror
DBCFLAGS = $(shell mariadb_config --cflags 2>/dev/null)
DBLIBS   = $(shell mariadb_config --libs 2>/dev/null)
CFLAGS   = -std=c11 -O2 -g -D_GNU_SOURCE $(WARN) $(DBCFLAGS) -Icgi-bin
CXXFLAGS = -std=c++17 -O2 -g $(WARN) -Icgi-bin
LDLIBS   = -lfcgi -lctemplate -lsodium -lqrencode $(DBLIBS) -lstdc++ -lpthread -lm
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

CORE_C   = arena buf req conf i18n db form page auth audit app number upload print chart
# Every cgi-bin/dd-NAME.c (plus its cgi-bin/NAME/*.c, if any) is one FastCGI program.
PROGRAMS = $(patsubst cgi-bin/%.c,%,$(wildcard cgi-bin/dd-*.c))
BUILD    = build

CORE_OBJ = $(CORE_C:%=$(BUILD)/obj/core/%.o) $(BUILD)/obj/core/tpl.o
SAN_OBJ  = $(CORE_C:%=$(BUILD)/san/core/%.o) $(BUILD)/san/core/tpl.o
BINS     = $(PROGRAMS:%=$(BUILD)/bin/fcgi/%) $(BUILD)/bin/ddsup
HEADERS  = $(wildcard cgi-bin/core/*.h cgi-bin/*/*.h)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/test/%)

.SECONDARY:
.PHONY: all build run stop reset test unit bench deps clean
all: build

build: $(BINS)

$(BUILD)/obj/core/%.o: cgi-bin/core/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@
$(BUILD)/obj/core/tpl.o: cgi-bin/core/tpl.cc cgi-bin/core/tpl.h cgi-bin/core/buf.h
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c $< -o $@
$(BUILD)/obj/%.o: cgi-bin/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@
# dd-NAME links the core and the modules of its area in cgi-bin/NAME/ (if any).
.SECONDEXPANSION:
AREA_OBJ = $(patsubst cgi-bin/%.c,$(BUILD)/obj/%.o,$(wildcard cgi-bin/$(1)/*.c))
$(BUILD)/bin/fcgi/dd-%: $(BUILD)/obj/dd-%.o $$(call AREA_OBJ,$$*) $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) -o $@ $^ $(LDLIBS)
# The home page runs the request desk's escalation step (cgi-bin/req/escalate.c).
$(BUILD)/bin/fcgi/dd-auth: $(BUILD)/obj/req/escalate.o
$(BUILD)/bin/ddsup: cgi-bin/ddsup.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -g -D_GNU_SOURCE $(WARN) -o $@ $<

# Unit tests: the core again with AddressSanitizer and UndefinedBehaviorSanitizer.
$(BUILD)/san/core/%.o: cgi-bin/core/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -O1 $(SAN) -c $< -o $@
$(BUILD)/san/core/tpl.o: cgi-bin/core/tpl.cc cgi-bin/core/tpl.h
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -O1 $(SAN) -c $< -o $@
$(BUILD)/san/%.o: cgi-bin/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -O1 $(SAN) -c $< -o $@
# test_NAME also links the modules of area NAME (cgi-bin/NAME/*.c), if there is one.
SAN_AREA = $(filter-out $(SAN_OBJ),$(patsubst cgi-bin/%.c,$(BUILD)/san/%.o,$(wildcard cgi-bin/$(1)/*.c)))
$(BUILD)/test/test_%: tests/unit/test_%.c $(SAN_OBJ) $$(call SAN_AREA,$$*) tests/unit/unit.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -O1 $(SAN) -Itests/unit -o $@ $< $(SAN_OBJ) $(call SAN_AREA,$*) \
	    $(LDLIBS) -lcmocka

unit: $(UNIT_BIN)
	@rc=0; for t in $(UNIT_BIN); do \
	  DD_REPO=$(CURDIR) ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $$t || rc=1; \
	done; exit $$rc

deps:
	@scripts/deps.sh

run: deps
	@$(MAKE) -s build
	@scripts/stack.sh start
	@scripts/stack.sh urls

stop:
	@scripts/stack.sh stop

reset:
	@scripts/stack.sh reset
	@rm -rf var

test: deps
	@$(MAKE) -s build
	@tests/run.sh

bench: deps
	@$(MAKE) -s build
	@scripts/bench.sh

clean:
	rm -rf $(BUILD)

# roster: the generator's timing for `make bench` (60 staff x 3 shifts x 31 days).
ROSTER_BENCH = $(BUILD)/bin/roster-bench
build: $(ROSTER_BENCH)
$(ROSTER_BENCH): cgi-bin/roster/bench/roster_bench.c cgi-bin/roster/roster.c cgi-bin/roster/roster.h
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -g -D_GNU_SOURCE $(WARN) -Icgi-bin -o $@ $< cgi-bin/roster/roster.c
# roster end

# ---------------------------------------------------------------------------- # reliability
# make fuzz: libFuzzer targets (tests/fuzz/fuzz_*.c) linked with the core built by clang
# under ASan/UBSan; each runs FUZZ_SECONDS (default 60) from its seed corpus
# (tests/fuzz/corpus/<target>/, never written; new inputs go to build/fuzz/work/<target>/)
# and the run fails on any crash (the input is left in build/fuzz/crashes/).
# make security: scripts/security.sh (sqlmap and wapiti against a fresh instance).
# make backup / make restore FROM=var/backups/<stamp>: scripts/backup.sh.
FUZZ_CC      ?= clang
FUZZ_CXX     ?= clang++
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 1
FUZZ_FLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
               -fno-sanitize-recover=undefined
FUZZ_SRC     = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES   = $(FUZZ_SRC:tests/fuzz/%.c=%)
FUZZ_BIN     = $(FUZZ_NAMES:%=$(BUILD)/fuzz/bin/%)
FUZZ_OBJ     = $(CORE_C:%=$(BUILD)/fuzz/core/%.o) $(BUILD)/fuzz/core/tpl.o

.PHONY: fuzz fuzz-build security backup restore
$(BUILD)/fuzz/core/%.o: cgi-bin/core/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 -D_GNU_SOURCE $(DBCFLAGS) -Icgi-bin $(FUZZ_FLAGS) \
	    -fsanitize=fuzzer-no-link -c $< -o $@
$(BUILD)/fuzz/core/tpl.o: cgi-bin/core/tpl.cc cgi-bin/core/tpl.h cgi-bin/core/buf.h
	@mkdir -p $(@D)
	$(FUZZ_CXX) -std=c++17 -Icgi-bin $(FUZZ_FLAGS) -c $< -o $@
$(BUILD)/fuzz/bin/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CXX) -x c -std=c11 -D_GNU_SOURCE $(DBCFLAGS) -Icgi-bin -Itests/fuzz \
	    -DFUZZ_REPO='"$(CURDIR)"' $(FUZZ_FLAGS) -fsanitize=fuzzer -c $< -o $(BUILD)/fuzz/$*.o
	$(FUZZ_CXX) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $(BUILD)/fuzz/$*.o $(FUZZ_OBJ) $(FUZZ_EXTRA) \
	    $(LDLIBS)
# fuzz_scan also links the scan inbox's reader (and zbar, libpng, libjpeg).
$(BUILD)/fuzz/forms/scan.o: cgi-bin/forms/scan.c cgi-bin/forms/scan.h $(HEADERS)
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 -D_GNU_SOURCE $(DBCFLAGS) -Icgi-bin $(FUZZ_FLAGS) \
	    -fsanitize=fuzzer-no-link -c $< -o $@
$(BUILD)/fuzz/bin/fuzz_scan: $(BUILD)/fuzz/forms/scan.o
$(BUILD)/fuzz/bin/fuzz_scan: FUZZ_EXTRA = $(BUILD)/fuzz/forms/scan.o -lzbar -lpng -ljpeg

fuzz-build: $(FUZZ_BIN)

fuzz: deps
	@$(MAKE) -s fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) tests/fuzz/run.sh

security: deps
	@scripts/deps.sh security
	@$(MAKE) -s build
	@scripts/security.sh

backup:
	@scripts/backup.sh backup

restore:
	@scripts/backup.sh restore "$(FROM)"

# forms: the scan inbox links zbar, libpng and libjpeg; dd-import (a scanner's shared
# folder: make import DIR=... AS=username) and forms-bench (make bench) share its code.
FORMS_LIBS = -lzbar -lpng -ljpeg
FORMS_OBJ  = $(patsubst cgi-bin/%.c,$(BUILD)/obj/%.o,$(wildcard cgi-bin/forms/*.c))
$(BUILD)/bin/fcgi/dd-forms: LDLIBS += $(FORMS_LIBS)
$(BUILD)/test/test_forms: LDLIBS += $(FORMS_LIBS)
build: $(BUILD)/bin/dd-import $(BUILD)/bin/forms-bench
$(BUILD)/bin/dd-import: cgi-bin/forms/cli/dd_import.c $(FORMS_OBJ) $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS) $(FORMS_LIBS)
$(BUILD)/bin/forms-bench: cgi-bin/forms/bench/scan_bench.c $(BUILD)/obj/forms/scan.o \
    $(BUILD)/obj/core/number.o $(BUILD)/obj/core/arena.o $(BUILD)/obj/core/buf.o
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $^ -lqrencode $(FORMS_LIBS) -lsodium -lm
.PHONY: import
import: build
	@test -n "$(DIR)" || { echo "usage: make import DIR=folder AS=username" >&2; exit 2; }
	@DUTYDESK_CONF=$${DUTYDESK_CONF:-$(or $(DD_INSTANCE),var/main)/dutydesk.conf} \
	    $(BUILD)/bin/dd-import --as "$(AS)" "$(DIR)"
# forms end
