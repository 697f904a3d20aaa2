#include "FuzzDriver.h"

// Provided by libFuzzer (linked by -sanitize=fuzzer).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

int seokit_fuzz_main(int argc, char **argv, SEOKitFuzzCallback callback) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
