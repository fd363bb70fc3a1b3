// Row lookups: embeddings, bags of words, and picking one entry per row.
#include "framework/autodiff/op_support.h"
#include "framework/autodiff/ops.h"

namespace mann {
namespace {

void check_ids(const char* op, const std::vector<int>& ids, Index limit) {
  for (int id : ids)
    if (id < -1 || id >= limit)
      detail::shape_error(op, "index " + std::to_string(id) + " is outside [0, " + std::to_string(limit) +
                                  ") (-1 means padding)");
}

void bag_backward(Tape& t, Node& n) {
  Matrix& table_grad = t.grad_buffer(n.inputs[0]);
  const Index bag_size = n.i0;
  const bool weighted = n.i1 != 0;
  for (size_t k = 0; k < n.ints.size(); ++k) {
    const int id = n.ints[k];
    if (id < 0) continue;
    const Index bag = static_cast<Index>(k) / bag_size;
    if (weighted)
      table_grad.row(id) += n.grad.row(bag).cwiseProduct(n.saved.row(static_cast<Index>(k)));
    else
      table_grad.row(id) += n.grad.row(bag);
  }
}

Var bag_impl(Var table, const std::vector<int>& ids, int bag_size, const Matrix* weights) {
  const Matrix& tv = table.value();
  if (bag_size <= 0 || ids.size() % static_cast<size_t>(bag_size) != 0)
    detail::shape_error("bag_of_words",
                        std::to_string(ids.size()) + " ids do not form bags of " + std::to_string(bag_size));
  check_ids("bag_of_words", ids, tv.rows());
  if (weights && (weights->rows() != static_cast<Index>(ids.size()) || weights->cols() != tv.cols()))
    detail::shape_error("bag_of_words", "weights " + shape_string(*weights) + " should be " +
                                            shape_string(static_cast<Index>(ids.size()), tv.cols()));
  Node& n = table.tape->push(bag_backward, {table});
  n.ints = ids;
  n.i0 = bag_size;
  n.i1 = weights ? 1 : 0;
  if (weights) n.saved = *weights;
  const Index bags = static_cast<Index>(ids.size()) / bag_size;
  n.value.setZero(bags, tv.cols());
  for (size_t k = 0; k < ids.size(); ++k) {
    if (ids[k] < 0) continue;
    const Index bag = static_cast<Index>(k) / bag_size;
    if (weights)
      n.value.row(bag) += tv.row(ids[k]).cwiseProduct(weights->row(static_cast<Index>(k)));
    else
      n.value.row(bag) += tv.row(ids[k]);
  }
  return table.tape->last();
}

}  // namespace

Var gather_rows(Var table, const std::vector<int>& rows) {
  const Matrix& tv = table.value();
  check_ids("gather_rows", rows, tv.rows());
  Node& n = table.tape->push(
      [](Tape& t, Node& nd) {
        Matrix& table_grad = t.grad_buffer(nd.inputs[0]);
        for (size_t k = 0; k < nd.ints.size(); ++k)
          if (nd.ints[k] >= 0) table_grad.row(nd.ints[k]) += nd.grad.row(static_cast<Index>(k));
      },
      {table});
  n.ints = rows;
  n.value.resize(static_cast<Index>(rows.size()), tv.cols());
  for (size_t k = 0; k < rows.size(); ++k) {
    if (rows[k] >= 0)
      n.value.row(static_cast<Index>(k)) = tv.row(rows[k]);
    else
      n.value.row(static_cast<Index>(k)).setZero();
  }
  return table.tape->last();
}

Var bag_of_words(Var table, const std::vector<int>& ids, int bag_size) {
  return bag_impl(table, ids, bag_size, nullptr);
}

Var bag_of_words(Var table, const std::vector<int>& ids, int bag_size, const Matrix& weights) {
  return bag_impl(table, ids, bag_size, &weights);
}

Var pick(Var a, const std::vector<int>& cols) {
  const Matrix& x = a.value();
  if (static_cast<Index>(cols.size()) != x.rows())
    detail::shape_error("pick", std::to_string(cols.size()) + " indices for " + shape_string(x));
  check_ids("pick", cols, x.cols());
  Node& n = a.tape->push(
      [](Tape& t, Node& nd) {
        Matrix& g = t.grad_buffer(nd.inputs[0]);
        for (size_t r = 0; r < nd.ints.size(); ++r)
          if (nd.ints[r] >= 0) g(static_cast<Index>(r), nd.ints[r]) += nd.grad(static_cast<Index>(r), 0);
      },
      {a});
  n.ints = cols;
  n.value.resize(x.rows(), 1);
  for (Index r = 0; r < x.rows(); ++r) n.value(r, 0) = cols[r] >= 0 ? x(r, cols[r]) : 0.f;
  return a.tape->last();
}

}  // namespace mann
