#pragma once
// Reverse-mode automatic differentiation on a tape.
//
// A Tape records nodes in creation order; each node holds its forward value and a plain function pointer
// that pushes its gradient to its inputs. backward() walks the tape once in reverse. Nodes are owned by the
// tape and reused after clear(): their matrices keep their storage, so a training loop that builds the same
// graph every step stops allocating after the first one. That, and no virtual calls or std::function, keeps
// per-op bookkeeping well under a microsecond.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "framework/autodiff/errors.h"
#include "framework/autodiff/matrix.h"
#include "framework/autodiff/parameter.h"

namespace mann {

class Tape;
struct Node;
using BackwardFn = void (*)(Tape&, Node&);

struct Node {
  Matrix value;                            // forward result (unused for parameter leaves)
  Matrix grad;                             // d(output)/d(value); meaningful once has_grad is set
  Matrix saved;                            // op-specific tensor kept for backward
  std::vector<int> ints;                   // op-specific integers (gather rows, targets, samples)
  const Matrix* external_value = nullptr;  // parameter leaves read the parameter in place...
  Matrix* external_grad = nullptr;         // ...and accumulate straight into its gradient
  BackwardFn backward = nullptr;
  std::array<int, 3> inputs{-1, -1, -1};
  int input_count = 0;
  float f0 = 0.f, f1 = 0.f;  // op-specific scalars (epsilon, exponent, scale)
  int i0 = 0, i1 = 0;        // op-specific integers (axis, slot count, offset)
  bool requires_grad = false;
  bool has_grad = false;

  const Matrix& val() const { return external_value ? *external_value : value; }
};

// A handle to a node on a tape: cheap to copy, valid until the tape is cleared.
struct Var {
  Tape* tape = nullptr;
  int id = -1;

  const Matrix& value() const;
  const Matrix& grad() const;  // zero matrix of the right shape if nothing flowed back
  Index rows() const { return value().rows(); }
  Index cols() const { return value().cols(); }
  float item() const;  // the value of a 1x1 node
  bool valid() const { return tape != nullptr; }
};

class Tape {
 public:
  Tape() = default;
  ~Tape();
  Tape(const Tape&) = delete;
  Tape& operator=(const Tape&) = delete;

  // Leaves.
  Var constant(const Matrix& m);
  Var constant(Matrix&& m);
  Var constant(Index rows, Index cols, float fill);
  Var variable(const Matrix& m);  // a leaf that receives a gradient (tests, inputs we differentiate)
  // A parameter's leaf: reads p.value in place, accumulates into p.grad. A parameter is bound once per
  // graph (DyNet's new_graph): every call until clear() returns the same leaf, so a recurrent model that
  // reads its weights at every time step adds one node per parameter, not one per step.
  Var param(Parameter& p);

  // Runs the backward pass from a 1x1 output (seed 1) or from an output with an explicit seed gradient.
  void backward(Var output);
  void backward(Var output, const Matrix& seed);

  // Forgets every node; keeps their storage for reuse.
  void clear();
  int size() const { return size_; }

  // Loss terms the forward pass owes. A computation that only a companion loss term can train (a hard
  // attention choice, trained by REINFORCE) notes the term here under its module's name; the code that adds
  // the term to the loss settles it; a training loop refuses a loss that leaves any owed. clear() forgets
  // them with the nodes.
  void owe_loss_term(std::string module) { owed_terms_.push_back(std::move(module)); }
  // Settles every term owed under `module`.
  void settle_loss_term(const std::string& module) { std::erase(owed_terms_, module); }
  // The modules whose terms are still owed, in the order they were noted (a module can appear repeatedly).
  const std::vector<std::string>& owed_loss_terms() const { return owed_terms_; }

  // Multiply-adds of the forward pass since the last clear(): every op that multiplies and accumulates
  // (matrix products, affine maps, convolutions, attention scores and reads) adds its count, so a model's
  // arithmetic per example is measured on the graph it really builds (`mann bench ram` reports it).
  // Element-wise ops, pooling and the glimpse sensor's averaging count none (the usual convention).
  int64_t multiply_adds() const { return multiply_adds_; }
  // For op implementations: notes n more multiply-adds.
  void count_multiply_adds(int64_t n) { multiply_adds_ += n; }

  // Grad mode: with it off (evaluation), ops record no gradient requirements, so backward does nothing.
  void set_grad_enabled(bool on) { grad_enabled_ = on; }
  bool grad_enabled() const { return grad_enabled_; }

  // --- for op implementations ---
  Node& node(int id) { return *nodes_[static_cast<size_t>(id)]; }
  const Node& node(int id) const { return *nodes_[static_cast<size_t>(id)]; }
  const Matrix& value(int id) const { return node(id).val(); }
  bool requires_grad(int id) const { return node(id).requires_grad; }

  // Appends a node with the given inputs and backward; the caller fills node.value. last() is its Var.
  Node& push(BackwardFn backward, std::initializer_list<Var> inputs);
  // For ops with any number of inputs (concat): their ids go to node.ints.
  Node& push_many(BackwardFn backward, const std::vector<Var>& inputs);
  Var last() { return Var{this, size_ - 1}; }

  // Adds expr to the gradient of node id (the first contribution assigns, avoiding a zero fill).
  // noalias is safe: a backward expression reads values and its own node's gradient, never the target's.
  template <class Expr>
  void accumulate(int id, const Expr& expr) {
    Node& n = node(id);
    if (n.external_grad) {
      n.external_grad->noalias() += expr;
    } else if (!n.has_grad) {
      n.grad.noalias() = expr;
      n.has_grad = true;
    } else {
      n.grad.noalias() += expr;
    }
  }
  // The gradient buffer of node id, zero-filled on first use: for scattered updates (gather backward).
  Matrix& grad_buffer(int id);

 private:
  Node& fresh_node();

  std::vector<std::unique_ptr<Node>> nodes_;
  int size_ = 0;
  bool grad_enabled_ = true;
  int64_t multiply_adds_ = 0;
  std::vector<std::string> owed_terms_;
  std::unordered_map<const Parameter*, int> bound_;  // parameter -> its leaf on this graph
};

}  // namespace mann
