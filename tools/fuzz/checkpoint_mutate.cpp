// mann_checkpoint_mutate: structured edits of a checkpoint for the fuzzer (tools/fuzz/fuzz_checkpoints.sh),
// each followed by re-sealing, so that the damage passes the checksum and reaches the reader's content
// checks. A maintenance tool: it is not part of `mann`, and it never makes a checkpoint valid.
#include <cmath>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "framework/io/checkpoint_seal.h"
#include "framework/io/hdf5_io.h"

namespace {

using namespace mann;

const char* kUsage = R"(usage: mann_checkpoint_mutate FILE ACTION [ARGS]
actions (each re-seals FILE afterwards):
  reseal                       only re-seal (after an edit with another tool)
  list PATH                    print the datasets below group PATH, one per line
  delete PATH                  delete the group or dataset PATH
  reshape PATH                 replace the 2-D float dataset PATH by one with an extra row
  retype PATH                  replace the float dataset PATH by int32 values of the same shape
  nan PATH                     set the first value of the 2-D float dataset PATH to NaN
  set-int OBJECT NAME VALUE    (re)write attribute NAME of OBJECT as int64
  set-double OBJECT NAME VALUE (re)write attribute NAME of OBJECT as float64 ("nan", "-inf" work)
  set-string OBJECT NAME VALUE (re)write attribute NAME of OBJECT as a string)";

void replace_attribute(hid_t file, const std::string& object, const std::string& name,
                       const std::function<void(hid_t)>& write) {
  h5::Handle obj(H5Oopen(file, object.c_str(), H5P_DEFAULT), "cannot open " + object);
  if (h5::has_attribute(obj, name))
    h5::check(H5Adelete(obj, name.c_str()), "cannot delete attribute " + name);
  write(obj);
}

void replace_dataset(hid_t file, const std::string& path,
                     const std::function<void(hid_t, const Matrix&)>& write) {
  const Matrix value = h5::read_matrix(file, path.substr(1));
  h5::check(H5Ldelete(file, path.c_str(), H5P_DEFAULT), "cannot delete " + path);
  write(file, value);
}

void edit(hid_t file, const std::string& action, const std::vector<std::string>& a) {
  const auto need = [&](size_t n) {
    if (a.size() != n) throw std::runtime_error(action + " takes " + std::to_string(n) + " arguments");
  };
  if (action == "list") {
    need(1);
    h5::Handle group = h5::open_group(file, a[0].substr(1));
    for (const std::string& name : h5::dataset_paths(group)) std::cout << a[0] << "/" << name << "\n";
  } else if (action == "delete") {
    need(1);
    h5::check(H5Ldelete(file, a[0].c_str(), H5P_DEFAULT), "cannot delete " + a[0]);
  } else if (action == "reshape") {
    need(1);
    replace_dataset(file, a[0], [&](hid_t f, const Matrix& m) {
      h5::write_matrix(f, a[0].substr(1), Matrix::Ones(m.rows() + 1, m.cols()));
    });
  } else if (action == "retype") {
    need(1);
    replace_dataset(file, a[0], [&](hid_t f, const Matrix& m) {
      const hsize_t dims[2] = {static_cast<hsize_t>(m.rows()), static_cast<hsize_t>(m.cols())};
      h5::Handle space(H5Screate_simple(2, dims, nullptr), "cannot create dataspace");
      h5::Handle dataset(
          H5Dcreate2(f, a[0].c_str(), H5T_STD_I32LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
          "cannot create " + a[0]);
      const std::vector<int> values(static_cast<size_t>(m.size()) + 1, 7);
      h5::check(H5Dwrite(dataset, H5T_NATIVE_INT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                "cannot write " + a[0]);
    });
  } else if (action == "nan") {
    need(1);
    replace_dataset(file, a[0], [&](hid_t f, const Matrix& m) {
      Matrix poisoned = m;
      if (poisoned.size() > 0) poisoned(0, 0) = std::nanf("");
      h5::write_matrix(f, a[0].substr(1), poisoned);
    });
  } else if (action == "set-int") {
    need(3);
    replace_attribute(file, a[0], a[1], [&](hid_t obj) {
      h5::write_attribute(obj, a[1], static_cast<int64_t>(std::stoll(a[2])));
    });
  } else if (action == "set-double") {
    need(3);
    replace_attribute(file, a[0], a[1],
                      [&](hid_t obj) { h5::write_attribute(obj, a[1], std::strtod(a[2].c_str(), nullptr)); });
  } else if (action == "set-string") {
    need(3);
    replace_attribute(file, a[0], a[1], [&](hid_t obj) { h5::write_attribute(obj, a[1], a[2]); });
  } else if (action != "reseal") {
    throw std::runtime_error("unknown action " + action);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << kUsage << "\n";
    return 2;
  }
  const std::string path = argv[1], action = argv[2];
  const std::vector<std::string> args(argv + 3, argv + argc);
  try {
    const h5::QuietErrors quiet;
    if (action != "reseal") {
      h5::Handle file(H5Fopen(path.c_str(), action == "list" ? H5F_ACC_RDONLY : H5F_ACC_RDWR, H5P_DEFAULT),
                      "cannot open " + path);
      edit(file, action, args);
      file.close("cannot close " + path);
    }
    if (action != "list") seal_checkpoint(path);
  } catch (const std::exception& e) {
    std::cerr << "mann_checkpoint_mutate: " << path << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}
