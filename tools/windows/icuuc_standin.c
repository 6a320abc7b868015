/* A stand-in for Windows 10's system icuuc.dll, for building and testing under Wine only.
 *
 * Qt 6.11's Qt6Core.dll imports the ICU converter functions below from icuuc.dll, which
 * Windows 10 ships from version 1703 (the installer asks for 1809, Qt's own minimum: see
 * installer/huiyin.iss, MinVersion). Wine gained
 * one in 11.5; Debian 12's Wine 8 has none, so Qt6Core.dll does not load. This DLL exports
 * the same names and reports every converter as unavailable, so Qt falls back to its own
 * UTF-8/UTF-16/Latin-1 codecs, which is all the program uses.
 *
 * It is placed in the Wine prefix's system32 by tools/windows/build_and_test.sh and never
 * goes into the bundle or the installer (the script checks that).
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o icuuc.dll icuuc_standin.c icuuc_standin.def
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef uint16_t UChar;
typedef int8_t UBool;
typedef void UConverter;
typedef void (*UConverterCallback)(void);

#define U_FILE_ACCESS_ERROR 4

static void fail(UErrorCode *err) {
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
}

UConverter *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err); return NULL; }
void ucnv_close(UConverter *cnv) { (void)cnv; }
void ucnv_reset(UConverter *cnv) { (void)cnv; }
int8_t ucnv_getMaxCharSize(const UConverter *cnv) { (void)cnv; return 1; }
const char *ucnv_getName(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err); return NULL; }
void ucnv_getToUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context) {
    (void)cnv;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
void ucnv_getFromUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context) {
    (void)cnv;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
void ucnv_setToUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                         UConverterCallback *old, const void **oldContext, UErrorCode *err) {
    (void)cnv; (void)action; (void)context;
    if (old) *old = NULL;
    if (oldContext) *oldContext = NULL;
    fail(err);
}
void ucnv_setFromUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                           UConverterCallback *old, const void **oldContext, UErrorCode *err) {
    (void)cnv; (void)action; (void)context;
    if (old) *old = NULL;
    if (oldContext) *oldContext = NULL;
    fail(err);
}
void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offsetIndex, UErrorCode *err) {
    (void)args; (void)source; (void)length; (void)offsetIndex; fail(err);
}
void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *sourceLimit, int32_t offsetIndex,
                             UErrorCode *err) {
    (void)args; (void)source; (void)sourceLimit; (void)offsetIndex; fail(err);
}
void ucnv_toUnicode(UConverter *cnv, UChar **target, const UChar *targetLimit, const char **source,
                    const char *sourceLimit, int32_t *offsets, UBool flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)targetLimit; (void)source; (void)sourceLimit; (void)offsets; (void)flush;
    fail(err);
}
void ucnv_fromUnicode(UConverter *cnv, char **target, const char *targetLimit, const UChar **source,
                      const UChar *sourceLimit, int32_t *offsets, UBool flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)targetLimit; (void)source; (void)sourceLimit; (void)offsets; (void)flush;
    fail(err);
}
int32_t ucnv_toUCountPending(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }
int32_t ucnv_fromUCountPending(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }
const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    (void)name; (void)standard; fail(err); return NULL;
}
const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
int32_t ucnv_countAvailable(void) { return 0; }
