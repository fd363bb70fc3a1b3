#pragma once
// Every differentiable operation of mann. Each op reads its inputs' values, records one node on the inputs'
// tape and returns its Var; the matching backward lives next to the forward in ops_<family>.cpp.
//
// Shapes are (rows x cols) with one example per row. Binary elementwise ops broadcast an operand with one
// row (a row vector), one column (a column vector) or both (a scalar) against the other.
// A "memory" for a batch of B examples with N slots of width M is a (B*N x M) matrix: example b owns rows
// b*N .. b*N+N-1. Weightings over slots are (B x N); queries and read vectors are (B x M).
#include <vector>

#include "framework/autodiff/tape.h"

namespace mann {

// ---- elementwise arithmetic (broadcasting) ----
Var add(Var a, Var b);
Var sub(Var a, Var b);
Var mul(Var a, Var b);  // elementwise (Hadamard) product
Var div(Var a, Var b);
Var add_scalar(Var a, float s);
Var scale(Var a, float s);
Var rsub_scalar(float s, Var a);  // s - a
inline Var operator+(Var a, Var b) {
  return add(a, b);
}
inline Var operator-(Var a, Var b) {
  return sub(a, b);
}
inline Var operator-(Var a) {
  return scale(a, -1.f);
}
inline Var operator+(Var a, float s) {
  return add_scalar(a, s);
}
inline Var operator+(float s, Var a) {
  return add_scalar(a, s);
}
inline Var operator-(Var a, float s) {
  return add_scalar(a, -s);
}
inline Var operator-(float s, Var a) {
  return rsub_scalar(s, a);
}
inline Var operator*(Var a, float s) {
  return scale(a, s);
}
inline Var operator*(float s, Var a) {
  return scale(a, s);
}
inline Var operator/(Var a, float s) {
  return scale(a, 1.f / s);
}

// ---- elementwise functions ----
Var tanh(Var a);
Var sigmoid(Var a);
Var relu(Var a);
Var softplus(Var a);  // log(1 + e^a), stable for large |a|
Var exp(Var a);
Var log(Var a, float eps = 0.f);                  // log(a + eps)
Var pow(Var a, float exponent, float eps = 0.f);  // (a + eps)^exponent
Var pow(Var a, Var exponent, float eps = 0.f);    // (a + eps)^exponent, exponent broadcast (e.g. B x 1)
Var square(Var a);
Var sqrt(Var a, float eps = 0.f);  // sqrt(a + eps)

// ---- linear algebra ----
Var matmul(Var a, Var b);         // (n x k)(k x m) -> (n x m)
Var affine(Var x, Var W, Var b);  // x W + b with b a (1 x m) row broadcast over the batch: a fused Linear
Var transpose(Var a);
// Per-example outer products: a (B x N), b (B x M) -> (B*N x M), block b = a_b^T b_b. B = 1: plain outer.
Var outer(Var a, Var b);

// ---- softmax family (numerically stable) ----
Var softmax_rows(Var a);  // each row sums to 1
Var softmax_cols(Var a);  // each column sums to 1
Var log_softmax_rows(Var a);
Var log_softmax_cols(Var a);
// Row softmax where mask(i,j) == 0 excludes entry j of row i: it gets exactly zero weight. A row with no
// allowed entry yields all zeros.
Var masked_softmax_rows(Var a, const Matrix& mask);

// ---- reductions ----
Var sum(Var a);        // -> 1x1
Var mean(Var a);       // -> 1x1
Var row_sums(Var a);   // (R x C) -> (R x 1)
Var col_sums(Var a);   // (R x C) -> (1 x C)
Var row_means(Var a);  // (R x C) -> (R x 1)
Var col_means(Var a);  // (R x C) -> (1 x C)

// ---- shape ----
Var concat_cols(const std::vector<Var>& parts);  // side by side; equal row counts
Var concat_rows(const std::vector<Var>& parts);  // stacked; equal column counts
Var slice_cols(Var a, Index start, Index count);
Var slice_rows(Var a, Index start, Index count);
Var reshape(Var a, Index rows, Index cols);  // row-major order is kept
Var stop_gradient(Var a);                    // same value, no gradient flows back
// Row by row from one of several equal-shaped sources: out.row(r) = sources[which[r]].row(r), a zero row
// where which[r] < 0 (B x C). One node however many sources: a batch whose examples each read their own
// cell of a tape of (B x C) cells (the RL-NTM's memory head).
Var select_rows(const std::vector<Var>& sources, const std::vector<int>& which);
// base with the rows where replace[r] is true taken from update instead (both B x C).
Var overwrite_rows(Var base, Var update, const std::vector<bool>& replace);

// ---- lookups ----
// Rows of table by index: (len(rows) x C). Index -1 yields a zero row (the nil/padding word).
Var gather_rows(Var table, const std::vector<int>& rows);
// Bags of words: ids holds bags of `bag_size` indices (-1 = padding); result row i is the sum of the table
// rows of bag i: (ids.size()/bag_size x C).
Var bag_of_words(Var table, const std::vector<int>& ids, int bag_size);
// As above, each word's row scaled elementwise by a weight row: weights is (ids.size() x C), e.g. the
// position encoding of MemN2N.
Var bag_of_words(Var table, const std::vector<int>& ids, int bag_size, const Matrix& weights);
// One entry per row: out(i, 0) = a(i, cols[i]). cols[i] == -1 yields 0.
Var pick(Var a, const std::vector<int>& cols);

// ---- memory access (B examples, N slots of width M) ----
Var memory_dot(Var memory, Var query);                        // (B*N x M), (B x M) -> (B x N)
Var memory_cosine(Var memory, Var query, float eps = 1e-6f);  // cosine per slot, safe for zero vectors
Var memory_read(Var weights, Var memory);                     // (B x N), (B*N x M) -> (B x M)
Var cosine_similarity(Var a, Var b, float eps = 1e-6f);       // row by row: (R x C), (R x C) -> (R x 1)
// Circular convolution of each row of w (B x N) with a shift distribution s (B x K), K = 2r+1 covering
// offsets -r..r: out(b, i) = sum_k w(b, (i - k + r) mod N) s(b, k). (NTM location shift.)
Var circular_conv(Var w, Var s);

// ---- losses (1x1 results) ----
enum class Reduction { Mean, Sum };
// Mean over rows with targets >= 0 (target -1 = ignore) of -log softmax(logits)[target].
Var softmax_cross_entropy(Var logits, const std::vector<int>& targets);
// Binary cross-entropy on logits against targets in [0, 1]; mean or sum over all entries.
Var bce_with_logits(Var logits, const Matrix& targets, Reduction reduction = Reduction::Mean);
Var mse(Var prediction, const Matrix& target);  // mean over all entries

}  // namespace mann
