#!/usr/bin/env bash
# Checks the library jars a build left in target/: each names its automatic module in
# META-INF/MANIFEST.MF (hosts on the module path require it by that name) and has a sources jar
# beside it. A pom edit can drop either without any test failing.
#
#   bash .ci/library-jars.sh           # after ./mvnw package (or verify)
set -euo pipefail
cd "$(dirname "$0")/.."

failed=0
for module_name in loyalty-core:dev.loyalty.core loyalty-rules:dev.loyalty.rules; do
    module=${module_name%%:*}
    name=${module_name#*:}
    jars=()
    for jar in "$module/target/$module"-*.jar; do
        case $jar in
            *-tests.jar | *-sources.jar | *-javadoc.jar) ;;
            *) if [ -e "$jar" ]; then jars+=("$jar"); fi ;;
        esac
    done
    if [ "${#jars[@]}" -ne 1 ]; then
        echo ".ci/library-jars.sh: expected one $module jar in $module/target, found ${#jars[@]}" >&2
        failed=1
        continue
    fi
    jar=${jars[0]}
    if ! manifest=$(unzip -p "$jar" META-INF/MANIFEST.MF); then
        echo ".ci/library-jars.sh: cannot read META-INF/MANIFEST.MF from $jar" >&2
        failed=1
        continue
    fi
    declared=$(tr -d '\r' <<<"$manifest" | sed -n 's/^Automatic-Module-Name: *//p')
    if [ "$declared" != "$name" ]; then
        echo ".ci/library-jars.sh: $jar has Automatic-Module-Name '${declared:-(missing)}' in its manifest, expected '$name' (maven-jar-plugin's manifestEntries in $module/pom.xml)" >&2
        failed=1
    fi
    if [ ! -e "${jar%.jar}-sources.jar" ]; then
        echo ".ci/library-jars.sh: no sources jar ${jar%.jar}-sources.jar beside $jar (maven-source-plugin in $module/pom.xml)" >&2
        failed=1
    fi
done
if [ "$failed" -ne 0 ]; then
    exit 1
fi
echo ".ci/library-jars.sh: the library jars name the modules dev.loyalty.core and dev.loyalty.rules and have sources jars"
