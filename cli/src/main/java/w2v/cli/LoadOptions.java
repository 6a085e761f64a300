package w2v.cli;

import org.kohsuke.args4j.Option;
import w2v.io.ReadOptions.UnicodeErrors;

/**
 * The flags every command that reads a vector file takes. Each command's options bean extends this class
 * (args4j also reads the fields of superclasses), so a new reading flag reaches them all at once.
 */
class LoadOptions {

    static final String UNICODE_ERRORS = "--unicode-errors";

    @Option(name = UNICODE_ERRORS, metaVar = "strict|replace|ignore",
            usage = "words that are not valid UTF-8 in the vector file: an error (default), each invalid sequence"
                    + " replaced by U+FFFD, or dropped (gensim's unicode_errors)")
    UnicodeErrors unicodeErrors = UnicodeErrors.STRICT;
}
