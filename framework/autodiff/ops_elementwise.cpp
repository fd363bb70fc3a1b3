// Elementwise arithmetic with broadcasting, and elementwise functions.
#include <cmath>

#include "framework/autodiff/op_support.h"
#include "framework/autodiff/ops.h"

namespace mann {
using detail::accumulate_reduced;
using detail::broadcast_shape;
using detail::Shape;
using detail::with_broadcast;

namespace {

// Records a binary broadcasting op whose forward is out = combine(A, B) on arrays.
template <class Combine>
Var binary(const char* name, Var a, Var b, BackwardFn backward, Combine combine) {
  Tape& t = detail::tape_of(a, b);
  const Matrix& av = t.value(a.id);
  const Matrix& bv = t.value(b.id);
  const Shape out = broadcast_shape(name, av, bv);
  Node& n = t.push(backward, {a, b});
  with_broadcast(av, out, [&](const auto& ea) {
    with_broadcast(bv, out, [&](const auto& eb) { n.value = combine(ea.array(), eb.array()).matrix(); });
  });
  return t.last();
}

// Records a unary op whose forward is value = f(a).
template <class F>
Var unary(Var a, BackwardFn backward, F f, float f0 = 0.f) {
  Tape& t = detail::tape_of(a);
  const Matrix& av = t.value(a.id);
  Node& n = t.push(backward, {a});
  n.f0 = f0;
  n.value = f(av.array()).matrix();
  return t.last();
}

Shape shape_of(const Matrix& m) {
  return {m.rows(), m.cols()};
}

}  // namespace

Var add(Var a, Var b) {
  return binary(
      "add", a, b,
      [](Tape& t, Node& n) {
        for (int k = 0; k < 2; ++k)
          if (t.requires_grad(n.inputs[k])) accumulate_reduced(t, n.inputs[k], n.grad);
      },
      [](const auto& x, const auto& y) { return x + y; });
}

Var sub(Var a, Var b) {
  return binary(
      "sub", a, b,
      [](Tape& t, Node& n) {
        if (t.requires_grad(n.inputs[0])) accumulate_reduced(t, n.inputs[0], n.grad);
        if (t.requires_grad(n.inputs[1])) accumulate_reduced(t, n.inputs[1], -n.grad);
      },
      [](const auto& x, const auto& y) { return x - y; });
}

Var mul(Var a, Var b) {
  return binary(
      "mul", a, b,
      [](Tape& t, Node& n) {
        const Shape out = shape_of(n.grad);
        for (int k = 0; k < 2; ++k) {
          if (!t.requires_grad(n.inputs[k])) continue;
          with_broadcast(t.value(n.inputs[1 - k]), out, [&](const auto& other) {
            accumulate_reduced(t, n.inputs[k], n.grad.cwiseProduct(other));
          });
        }
      },
      [](const auto& x, const auto& y) { return x * y; });
}

Var div(Var a, Var b) {
  return binary(
      "div", a, b,
      [](Tape& t, Node& n) {
        const Shape out = shape_of(n.grad);
        with_broadcast(t.value(n.inputs[1]), out, [&](const auto& denominator) {
          if (t.requires_grad(n.inputs[0]))
            accumulate_reduced(t, n.inputs[0], n.grad.cwiseQuotient(denominator));
          // d(a/b)/db = -(a/b)/b
          if (t.requires_grad(n.inputs[1]))
            accumulate_reduced(t, n.inputs[1], (-n.grad.cwiseProduct(n.value)).cwiseQuotient(denominator));
        });
      },
      [](const auto& x, const auto& y) { return x / y; });
}

Var add_scalar(Var a, float s) {
  return unary(
      a, [](Tape& t, Node& n) { t.accumulate(n.inputs[0], n.grad); }, [s](const auto& x) { return x + s; });
}

Var scale(Var a, float s) {
  return unary(
      a, [](Tape& t, Node& n) { t.accumulate(n.inputs[0], n.grad * n.f0); },
      [s](const auto& x) { return x * s; }, s);
}

Var rsub_scalar(float s, Var a) {
  return unary(
      a, [](Tape& t, Node& n) { t.accumulate(n.inputs[0], -n.grad); }, [s](const auto& x) { return s - x; });
}

Var tanh(Var a) {
  return unary(
      a,
      [](Tape& t, Node& n) {
        t.accumulate(n.inputs[0], (n.grad.array() * (1.f - n.value.array().square())).matrix());
      },
      [](const auto& x) { return x.tanh(); });
}

Var sigmoid(Var a) {
  return unary(
      a,
      [](Tape& t, Node& n) {
        t.accumulate(n.inputs[0], (n.grad.array() * n.value.array() * (1.f - n.value.array())).matrix());
      },
      [](const auto& x) { return x.logistic(); });
}

Var relu(Var a) {
  return unary(
      a,
      [](Tape& t, Node& n) {
        t.accumulate(n.inputs[0], (n.value.array() > 0.f).select(n.grad.array(), 0.f).matrix());
      },
      [](const auto& x) { return x.max(0.f); });
}

Var softplus(Var a) {
  // log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow for large x, no loss of precision for small.
  return unary(
      a,
      [](Tape& t, Node& n) {
        const Matrix& x = t.value(n.inputs[0]);
        t.accumulate(n.inputs[0], (n.grad.array() * x.array().logistic()).matrix());
      },
      [](const auto& x) { return x.max(0.f) + (-x.abs()).exp().log1p(); });
}

Var exp(Var a) {
  return unary(
      a, [](Tape& t, Node& n) { t.accumulate(n.inputs[0], n.grad.cwiseProduct(n.value)); },
      [](const auto& x) { return x.exp(); });
}

Var log(Var a, float eps) {
  return unary(
      a,
      [](Tape& t, Node& n) {
        const Matrix& x = t.value(n.inputs[0]);
        t.accumulate(n.inputs[0], (n.grad.array() / (x.array() + n.f0)).matrix());
      },
      [eps](const auto& x) { return (x + eps).log(); }, eps);
}

Var pow(Var a, float exponent, float eps) {
  Var out = unary(
      a,
      [](Tape& t, Node& n) {
        const Matrix& x = t.value(n.inputs[0]);
        t.accumulate(n.inputs[0], (n.grad.array() * n.f1 * (x.array() + n.f0).pow(n.f1 - 1.f)).matrix());
      },
      [exponent, eps](const auto& x) { return (x + eps).pow(exponent); }, eps);
  out.tape->node(out.id).f1 = exponent;
  return out;
}

Var pow(Var a, Var exponent, float eps) {
  const Shape out_shape = broadcast_shape("pow", a.value(), exponent.value());
  if (a.rows() != out_shape.rows || a.cols() != out_shape.cols)
    detail::shape_error("pow", "the base " + shape_string(a.value()) + " must have the output's shape");
  Var out = binary(
      "pow", a, exponent,
      [](Tape& t, Node& n) {
        const auto base = t.value(n.inputs[0]).array() + n.f0;
        with_broadcast(t.value(n.inputs[1]), shape_of(n.grad), [&](const auto& e) {
          if (t.requires_grad(n.inputs[0]))
            t.accumulate(n.inputs[0], (n.grad.array() * e.array() * base.pow(e.array() - 1.f)).matrix());
          // d(b^e)/de = b^e log b; where b^e is 0 the product is 0 (avoid 0 * -inf).
          if (t.requires_grad(n.inputs[1]))
            accumulate_reduced(
                t, n.inputs[1],
                (n.value.array() > 0.f).select(n.grad.array() * n.value.array() * base.log(), 0.f).matrix());
        });
      },
      [eps](const auto& x, const auto& y) { return (x + eps).pow(y); });
  out.tape->node(out.id).f0 = eps;
  return out;
}

Var square(Var a) {
  return unary(
      a, [](Tape& t, Node& n) { t.accumulate(n.inputs[0], 2.f * n.grad.cwiseProduct(t.value(n.inputs[0]))); },
      [](const auto& x) { return x.square(); });
}

Var sqrt(Var a, float eps) {
  return unary(
      a,
      [](Tape& t, Node& n) { t.accumulate(n.inputs[0], (0.5f * n.grad.array() / n.value.array()).matrix()); },
      [eps](const auto& x) { return (x + eps).sqrt(); }, eps);
}

}  // namespace mann
