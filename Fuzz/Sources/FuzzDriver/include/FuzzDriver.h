#ifndef SEOKIT_FUZZ_DRIVER_H
#define SEOKIT_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

typedef int (*SEOKitFuzzCallback)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver (argument parsing, corpus, mutation loop) on one callback.
int seokit_fuzz_main(int argc, char **argv, SEOKitFuzzCallback callback);

#endif
