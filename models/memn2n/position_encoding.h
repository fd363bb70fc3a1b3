#pragma once
// Position encoding of MemN2N (sec. 4.1): word j of a J-word sentence is weighted elementwise by l_j,
// k = 1..d, so that word order changes the sentence vector. Two forms: the paper's printed
// l_kj = (1 - j/J) - (k/d)(1 - 2j/J), and the authors' code's l_kj = 1 + 4 (k - (d+1)/2)(j - (J+1)/2) / (dJ).
#include <vector>

#include "framework/autodiff/matrix.h"
#include "models/memn2n/memn2n_options.h"

namespace mann {

// Weights for bag_of_words over `ids` in bags of `bag_size` (words left-aligned, -1 = padding): row i is
// l_j of word i, with J the number of non-padding words of its bag. Padding rows are left as they are (the
// op ignores them). `out` is resized to (ids.size() x dim); its storage is reused across calls.
void position_encoding_weights(const std::vector<int>& ids, int bag_size, int dim, Matrix& out,
                               SentenceEncoding form = SentenceEncoding::Position);

// l_kj of one word: j = 1..J within its sentence, k = 1..d.
float position_weight(SentenceEncoding form, int j, int J, int k, int d);

}  // namespace mann
