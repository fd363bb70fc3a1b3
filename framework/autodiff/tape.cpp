#include "framework/autodiff/tape.h"

#include <exception>

namespace mann {

namespace {

// Nodes of tapes destroyed by an exception, kept reachable (so leak checkers stay quiet) and never freed.
std::vector<std::vector<std::unique_ptr<Node>>>& abandoned_nodes() {
  static auto* nodes = new std::vector<std::vector<std::unique_ptr<Node>>>;
  return *nodes;
}

}  // namespace

Tape::~Tape() {
  // Eigen's resize frees a matrix's buffer before allocating the new one, and keeps the freed pointer when
  // that allocation throws (out of memory). Nodes keep their matrices from step to step, so a tape that an
  // exception destroys may hold such a matrix: freeing it again would abort the process with "double free
  // or corruption" instead of letting the error be reported. Keep those nodes instead.
  if (std::uncaught_exceptions() == 0) return;
  try {
    abandoned_nodes().push_back(std::move(nodes_));
  } catch (...) {  // no memory even for that: leak them
    for (std::unique_ptr<Node>& node : nodes_) static_cast<void>(node.release());
  }
}

const Matrix& Var::value() const {
  return tape->value(id);
}

const Matrix& Var::grad() const {
  Node& n = tape->node(id);
  if (n.external_grad) return *n.external_grad;
  if (!n.has_grad) {
    n.grad = Matrix::Zero(n.val().rows(), n.val().cols());
    n.has_grad = true;
  }
  return n.grad;
}

float Var::item() const {
  const Matrix& v = value();
  if (v.size() != 1) throw ShapeError("item(): expected a 1x1 value, got " + shape_string(v));
  return v(0, 0);
}

Node& Tape::fresh_node() {
  if (size_ == static_cast<int>(nodes_.size())) nodes_.push_back(std::make_unique<Node>());
  Node& n = *nodes_[static_cast<size_t>(size_++)];
  n.ints.clear();
  n.external_value = nullptr;
  n.external_grad = nullptr;
  n.backward = nullptr;
  n.input_count = 0;
  n.requires_grad = false;
  n.has_grad = false;
  return n;
}

Node& Tape::push(BackwardFn backward_fn, std::initializer_list<Var> inputs) {
  Node& n = fresh_node();
  n.backward = backward_fn;
  for (const Var& v : inputs) {
    n.inputs[static_cast<size_t>(n.input_count++)] = v.id;
    n.requires_grad = n.requires_grad || node(v.id).requires_grad;
  }
  n.requires_grad = n.requires_grad && grad_enabled_;
  return n;
}

Node& Tape::push_many(BackwardFn backward_fn, const std::vector<Var>& inputs) {
  Node& n = fresh_node();
  n.backward = backward_fn;
  for (const Var& v : inputs) {
    n.ints.push_back(v.id);
    n.requires_grad = n.requires_grad || node(v.id).requires_grad;
  }
  n.requires_grad = n.requires_grad && grad_enabled_;
  return n;
}

Var Tape::constant(const Matrix& m) {
  fresh_node().value = m;
  return last();
}

Var Tape::constant(Matrix&& m) {
  fresh_node().value = std::move(m);
  return last();
}

Var Tape::constant(Index rows, Index cols, float fill) {
  fresh_node().value.setConstant(rows, cols, fill);
  return last();
}

Var Tape::variable(const Matrix& m) {
  Node& n = fresh_node();
  n.value = m;
  n.requires_grad = grad_enabled_;
  return last();
}

Var Tape::param(Parameter& p) {
  const bool requires_grad = grad_enabled_ && p.trainable;
  const auto [bound, fresh] = bound_.try_emplace(&p, size_);
  // A leaf bound under another grad mode would record the wrong requirement: bind anew (rare).
  if (!fresh && node(bound->second).requires_grad == requires_grad) return Var{this, bound->second};
  bound->second = size_;
  Node& n = fresh_node();
  n.external_value = &p.value;
  n.requires_grad = grad_enabled_ && p.trainable;
  if (n.requires_grad) n.external_grad = &p.grad;
  return last();
}

Matrix& Tape::grad_buffer(int id) {
  Node& n = node(id);
  if (n.external_grad) return *n.external_grad;
  if (!n.has_grad) {
    n.grad.setZero(n.val().rows(), n.val().cols());
    n.has_grad = true;
  }
  return n.grad;
}

void Tape::backward(Var output) {
  const Matrix& v = value(output.id);
  if (v.size() != 1)
    throw ShapeError("backward(): the output must be 1x1 (a loss), got " + shape_string(v) +
                     "; pass a seed gradient for other shapes");
  backward(output, Matrix::Ones(1, 1));
}

void Tape::backward(Var output, const Matrix& seed) {
  const Matrix& v = value(output.id);
  if (seed.rows() != v.rows() || seed.cols() != v.cols())
    throw ShapeError("backward(): seed " + shape_string(seed) + " does not match output " + shape_string(v));
  if (!requires_grad(output.id)) return;
  accumulate(output.id, seed);
  for (int i = output.id; i >= 0; --i) {
    Node& n = node(i);
    if (n.backward && n.requires_grad && n.has_grad) n.backward(*this, n);
  }
}

void Tape::clear() {
  size_ = 0;
  bound_.clear();
  owed_terms_.clear();
  multiply_adds_ = 0;
}

}  // namespace mann
