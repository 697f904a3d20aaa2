#ifndef SEOKIT_CLIBXML2_SHIM_H
#define SEOKIT_CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU, so its encoding header pulls in the system's ICU headers,
 * which clash with the ICU copy inside Foundation ("UErrorCode has different definitions").
 * SEOKit never touches libxml2's ICU converters (it decodes input itself), and the ICU fields
 * only sit at the end of a struct SEOKit uses through pointers, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>

/// Swift 6 rejects libxml2's `xmlFree` global function pointer as not concurrency-safe;
/// this wrapper gives Swift a plain function to call instead.
static inline void seokit_xmlFree(void *pointer) { xmlFree(pointer); }

/// Byte offset of the parser's read position in its (UTF-8) input buffer.
static inline long seokit_inputOffset(xmlParserCtxtPtr ctxt) {
    if (ctxt == NULL || ctxt->input == NULL || ctxt->input->cur == NULL || ctxt->input->base == NULL) return -1;
    return (long)(ctxt->input->cur - ctxt->input->base);
}

static void seokit_discardError(void *context, const char *message, ...) { (void)context; (void)message; }
static void seokit_discardStructuredError(void *context, xmlErrorPtr error) { (void)context; (void)error; }

/// libxml2 prints some problems through its global handlers whatever the parse options say;
/// SEOKit reports what matters itself, so these go nowhere.
static inline void seokit_silenceErrors(void) {
    xmlSetGenericErrorFunc(NULL, seokit_discardError);
    xmlSetStructuredErrorFunc(NULL, seokit_discardStructuredError);
}

#endif
