package vn.egov.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The naming rule of egov-contracts/README.md, for every contract: a record is {@code <Thing><PastTenseVerb>V<n>}
 * (one record for a family of types sharing a shape is {@code <Aggregate>LifecycleEventV<n>}), lives in the
 * package of its publisher, and each of its type strings is {@code vn.egov.<publisher>.<event>.v<n>} with the
 * record's version; no type string is claimed twice.
 */
class ContractNamingTest {

    static final Pattern RECORD = Pattern.compile("([A-Z][a-z]+)+V([1-9][0-9]*)");
    static final Pattern TYPE = Pattern.compile("vn\\.egov\\.([a-z]+)\\.[a-z]+(-[a-z]+)*\\.v([1-9][0-9]*)");

    @Test
    void everyContractRecordFollowsTheRuleAndSoDoItsTypes() throws IllegalAccessException {
        List<Class<?>> records = ContractsDependOnNothingTest.CONTRACTS.stream()
                .filter(JavaClass::isRecord)
                .filter(JavaClass::isTopLevelClass)
                .<Class<?>>map(JavaClass::reflect)
                .toList();
        assertThat(records).as("records found").hasSizeGreaterThanOrEqualTo(14);
        Set<String> seen = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (Class<?> record : records) {
            Matcher name = RECORD.matcher(record.getSimpleName());
            if (!name.matches()) {
                wrong.add(record.getName() + ": not <Thing><PastTenseVerb>V<n>");
                continue;
            }
            String version = name.group(2);
            String publisher =
                    record.getPackageName().substring(record.getPackageName().lastIndexOf('.') + 1);
            List<String> types = typesOf(record);
            if (types.isEmpty()) {
                wrong.add(record.getName() + ": names no type (a TYPE constant, or TYPES for a family)");
            }
            for (String type : types) {
                Matcher t = TYPE.matcher(type);
                if (!t.matches()) {
                    wrong.add(record.getName() + ": type " + type + " is not vn.egov.<publisher>.<event>.v<n>");
                } else if (!t.group(1).equals(publisher) || !t.group(3).equals(version)) {
                    wrong.add(record.getName() + ": type " + type + " is not of publisher " + publisher + " version "
                            + version);
                }
                if (!seen.add(type)) {
                    wrong.add(record.getName() + ": type " + type + " claimed twice");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The public static String constants that are type strings (a family's {@code TYPES} set lists the same). */
    static List<String> typesOf(Class<?> record) throws IllegalAccessException {
        List<String> types = new ArrayList<>();
        for (Field f : record.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && f.getType() == String.class) {
                types.add((String) f.get(null));
            }
        }
        return types;
    }

    @Test
    void theRuleRejectsWhatItShould() {
        // the odd ones out before the rule: identity records had no version, one payment type no verb
        assertThat(RECORD.matcher("CitizenRegistered").matches()).isFalse();
        assertThat(RECORD.matcher("CitizenRegisteredV1").matches()).isTrue();
        assertThat(TYPE.matcher("vn.egov.identity.citizen-registered.v1").matches())
                .isTrue();
        assertThat(TYPE.matcher("vn.egov.identity.CitizenRegistered.v1").matches())
                .isFalse();
        assertThat(TYPE.matcher("vn.egov.identity.citizen-registered").matches())
                .isFalse();
    }
}
