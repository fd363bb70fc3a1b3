#include "framework/io/hdf5_io.h"

#include <algorithm>
#include <array>
#include <functional>

namespace mann::h5 {

namespace {

// The HDF5 path of an open object ("/progress"), for messages.
std::string name_of(hid_t obj) {
  const ssize_t size = H5Iget_name(obj, nullptr, 0);
  if (size <= 0) return "?";
  std::string name(static_cast<size_t>(size) + 1, '\0');
  H5Iget_name(obj, name.data(), name.size());
  name.resize(static_cast<size_t>(size));
  return name;
}

std::string dataset_name(hid_t loc, const std::string& path) {
  const std::string base = name_of(loc);
  return base == "/" ? "/" + path : base + "/" + path;
}

std::string attribute_label(hid_t obj, const std::string& name) {
  return "attribute '" + name + "' of " + name_of(obj);
}

// Link creation: build intermediate groups so "model/hop2/C" just works, and mark names as UTF-8.
Handle link_create_plist() {
  Handle plist(H5Pcreate(H5P_LINK_CREATE), "cannot create link property list");
  check(H5Pset_create_intermediate_group(plist, 1), "cannot set intermediate group creation");
  check(H5Pset_char_encoding(plist, H5T_CSET_UTF8), "cannot set link name encoding");
  return plist;
}

Handle attribute_create_plist() {
  Handle plist(H5Pcreate(H5P_ATTRIBUTE_CREATE), "cannot create attribute property list");
  check(H5Pset_char_encoding(plist, H5T_CSET_UTF8), "cannot set attribute name encoding");
  return plist;
}

Handle string_type(H5T_cset_t cset, size_t size) {
  Handle type(H5Tcopy(H5T_C_S1), "cannot copy string type");
  check(H5Tset_size(type, size), "cannot size string type");
  check(H5Tset_cset(type, cset), "cannot set string encoding");
  // Fixed-length strings: NULLPAD keeps a string that fills its slot exactly (NULLTERM would cut one char).
  if (size != H5T_VARIABLE) check(H5Tset_strpad(type, H5T_STR_NULLPAD), "cannot set string padding");
  return type;
}

Handle scalar_space() {
  return Handle(H5Screate(H5S_SCALAR), "cannot create scalar dataspace");
}

void check_no_nul(const std::string& value, const std::string& what) {
  // Variable-length C strings end at the first NUL; refuse rather than silently truncate.
  if (value.find('\0') != std::string::npos) throw Error(what + ": string contains a NUL byte");
}

// Reads an attribute or a dataset through one interface: they differ only in the H5*read call.
using ReadFn = std::function<herr_t(hid_t mem_type, void* buffer)>;

std::vector<std::string> read_strings(hid_t file_type, hid_t space, const ReadFn& read,
                                      const std::string& what) {
  if (H5Tget_class(file_type) != H5T_STRING) throw Error(what + " is not a string");
  const hssize_t count = H5Sget_simple_extent_npoints(space);
  if (count < 0) throw Error("cannot size " + what);
  const auto n = static_cast<size_t>(count);
  const H5T_cset_t cset = H5Tget_cset(file_type);  // converting between ASCII and UTF-8 is refused
  std::vector<std::string> out;
  out.reserve(n);
  if (check(H5Tis_variable_str(file_type), "cannot inspect " + what) > 0) {
    Handle mem = string_type(cset, H5T_VARIABLE);
    std::vector<char*> pointers(n + 1, nullptr);  // +1: never hand HDF5 a null buffer
    check(read(mem, pointers.data()), "cannot read " + what);
    for (size_t i = 0; i < n; ++i) {
      out.emplace_back(pointers[i] != nullptr ? pointers[i] : "");
      H5free_memory(pointers[i]);
    }
  } else {
    const size_t size = H5Tget_size(file_type);
    Handle mem = string_type(cset, size);
    std::vector<char> buffer(n * size + 1, '\0');
    check(read(mem, buffer.data()), "cannot read " + what);
    for (size_t i = 0; i < n; ++i) {
      const char* begin = buffer.data() + i * size;
      size_t length = 0;
      while (length < size && begin[length] != '\0') ++length;
      out.emplace_back(begin, length);
    }
  }
  return out;
}

std::string read_one_string(hid_t file_type, hid_t space, const ReadFn& read, const std::string& what) {
  std::vector<std::string> values = read_strings(file_type, space, read, what);
  if (values.size() != 1)
    throw Error(what + " holds " + std::to_string(values.size()) + " values, expected 1");
  return std::move(values.front());
}

struct OpenAttribute {
  Handle attr, type, space;
};

OpenAttribute open_attribute(hid_t obj, const std::string& name) {
  const std::string what = attribute_label(obj, name);
  if (!has_attribute(obj, name)) throw Error("missing " + what);
  Handle attr(H5Aopen(obj, name.c_str(), H5P_DEFAULT), "cannot open " + what);
  Handle type(H5Aget_type(attr), "cannot get type of " + what);
  Handle space(H5Aget_space(attr), "cannot get dataspace of " + what);
  return {std::move(attr), std::move(type), std::move(space)};
}

// Reads a one-element numeric attribute converted to `mem_type`, refusing strings and other classes.
template <typename T>
T read_number_attribute(hid_t obj, const std::string& name, hid_t mem_type, bool allow_float) {
  const std::string what = attribute_label(obj, name);
  OpenAttribute a = open_attribute(obj, name);
  const H5T_class_t cls = H5Tget_class(a.type);
  if (cls != H5T_INTEGER && !(allow_float && cls == H5T_FLOAT)) {
    throw Error(what + (allow_float ? " is not a number" : " is not an integer"));
  }
  if (H5Sget_simple_extent_npoints(a.space) != 1) throw Error(what + " is not a single value");
  T value{};
  check(H5Aread(a.attr, mem_type, &value), "cannot read " + what);
  return value;
}

struct OpenDataset {
  Handle dataset, type, space;
  std::string what;
};

OpenDataset open_dataset(hid_t loc, const std::string& path) {
  const std::string what = "dataset " + dataset_name(loc, path);
  if (!exists(loc, path)) throw Error("missing " + what);
  Handle dataset(H5Dopen2(loc, path.c_str(), H5P_DEFAULT), "cannot open " + what);
  Handle type(H5Dget_type(dataset), "cannot get type of " + what);
  Handle space(H5Dget_space(dataset), "cannot get dataspace of " + what);
  return {std::move(dataset), std::move(type), std::move(space), what};
}

// Float dataset of the given rank; returns its dimensions.
std::vector<hsize_t> float_dims(const OpenDataset& d, int rank) {
  if (H5Tget_class(d.type) != H5T_FLOAT) throw Error(d.what + " is not a floating-point dataset");
  const int actual = H5Sget_simple_extent_ndims(d.space);
  if (actual != rank) {
    throw Error(d.what + " is " + std::to_string(actual) + "-D, expected " + std::to_string(rank) + "-D");
  }
  std::vector<hsize_t> dims(static_cast<size_t>(rank));
  check(H5Sget_simple_extent_dims(d.space, dims.data(), nullptr), "cannot get dimensions of " + d.what);
  return dims;
}

Handle create_dataset(hid_t loc, const std::string& path, hid_t type, hid_t space,
                      hid_t create_plist = H5P_DEFAULT) {
  Handle plist = link_create_plist();
  return Handle(H5Dcreate2(loc, path.c_str(), type, space, plist, create_plist, H5P_DEFAULT),
                "cannot create dataset " + dataset_name(loc, path));
}

// Numeric data gets a Fletcher-32 checksum, so damaged values are reported by HDF5 rather than read as
// numbers. Filters need chunked storage: one chunk of the whole (non-empty) dataset.
Handle checksummed_layout(const std::vector<hsize_t>& dims) {
  Handle plist(H5Pcreate(H5P_DATASET_CREATE), "cannot create dataset property list");
  for (const hsize_t d : dims)
    if (d == 0) return plist;  // a chunk cannot be empty; nothing to protect either
  check(H5Pset_chunk(plist, static_cast<int>(dims.size()), dims.data()), "cannot set chunked layout");
  check(H5Pset_fletcher32(plist), "cannot set the Fletcher-32 filter");
  return plist;
}

Handle create_attribute(hid_t obj, const std::string& name, hid_t type, hid_t space) {
  Handle plist = attribute_create_plist();
  return Handle(H5Acreate2(obj, name.c_str(), type, space, plist, H5P_DEFAULT),
                "cannot create " + attribute_label(obj, name));
}

struct VisitState {
  std::vector<std::string> paths;
};

herr_t collect_dataset(hid_t group, const char* name, const H5L_info_t* info, void* data) {
  if (info->type != H5L_TYPE_HARD) return 0;  // soft/external links point elsewhere: not part of the tree
  const hid_t obj = H5Oopen(group, name, H5P_DEFAULT);
  if (obj < 0) return -1;
  if (H5Iget_type(obj) == H5I_DATASET) static_cast<VisitState*>(data)->paths.emplace_back(name);
  H5Oclose(obj);
  return 0;
}

herr_t collect_attribute(hid_t, const char* name, const H5A_info_t*, void* data) {
  static_cast<std::vector<std::string>*>(data)->emplace_back(name);
  return 0;
}

}  // namespace

void check_relative_path(const std::string& name, const std::string& what) {
  const auto refuse = [&](const std::string& why) { throw Error(what + " '" + name + "' " + why); };
  if (name.empty()) throw Error(what + " is empty");
  if (name.front() == '/' || name.back() == '/') refuse("must not start or end with '/'");
  size_t start = 0;
  while (start <= name.size()) {
    const size_t end = std::min(name.find('/', start), name.size());
    const std::string part = name.substr(start, end - start);
    if (part.empty()) refuse("has an empty path component");
    if (part == "." || part == "..") refuse("has a '" + part + "' path component");
    start = end + 1;
  }
  check_no_nul(name, what);
}

bool exists(hid_t loc, const std::string& path) {
  // H5Lexists fails (rather than answering false) when an intermediate group is missing: test each prefix.
  size_t end = 0;
  while (end != std::string::npos) {
    end = path.find('/', end + 1);
    const std::string prefix = path.substr(0, end);
    if (check(H5Lexists(loc, prefix.c_str(), H5P_DEFAULT), "cannot look up " + prefix) <= 0) return false;
  }
  return true;
}

bool has_attribute(hid_t obj, const std::string& name) {
  return check(H5Aexists(obj, name.c_str()), "cannot look up " + attribute_label(obj, name)) > 0;
}

Handle create_group(hid_t loc, const std::string& path) {
  Handle plist = link_create_plist();
  return Handle(H5Gcreate2(loc, path.c_str(), plist, H5P_DEFAULT, H5P_DEFAULT),
                "cannot create group " + dataset_name(loc, path));
}

Handle open_group(hid_t loc, const std::string& path) {
  const std::string what = "group " + dataset_name(loc, path);
  if (!exists(loc, path)) throw Error("missing " + what);
  Handle group(H5Gopen2(loc, path.c_str(), H5P_DEFAULT), "cannot open " + what);
  return group;
}

std::vector<std::string> dataset_paths(hid_t group) {
  VisitState state;
  check(H5Lvisit(group, H5_INDEX_NAME, H5_ITER_INC, collect_dataset, &state),
        "cannot list datasets of " + name_of(group));
  return state.paths;
}

std::vector<std::string> attribute_names(hid_t obj) {
  std::vector<std::string> names;
  check(H5Aiterate2(obj, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_attribute, &names),
        "cannot list attributes of " + name_of(obj));
  return names;
}

void write_attribute(hid_t obj, const std::string& name, const std::string& value) {
  check_no_nul(value, attribute_label(obj, name));
  Handle type = string_type(H5T_CSET_UTF8, H5T_VARIABLE);
  Handle space = scalar_space();
  Handle attr = create_attribute(obj, name, type, space);
  const char* pointer = value.c_str();
  check(H5Awrite(attr, type, &pointer), "cannot write " + attribute_label(obj, name));
}

void write_attribute(hid_t obj, const std::string& name, int64_t value) {
  Handle space = scalar_space();
  Handle attr = create_attribute(obj, name, H5T_STD_I64LE, space);
  check(H5Awrite(attr, H5T_NATIVE_INT64, &value), "cannot write " + attribute_label(obj, name));
}

void write_attribute(hid_t obj, const std::string& name, double value) {
  Handle space = scalar_space();
  Handle attr = create_attribute(obj, name, H5T_IEEE_F64LE, space);
  check(H5Awrite(attr, H5T_NATIVE_DOUBLE, &value), "cannot write " + attribute_label(obj, name));
}

void write_attribute(hid_t obj, const std::string& name, const std::vector<std::string>& values) {
  std::vector<const char*> pointers;
  for (const std::string& v : values) {
    check_no_nul(v, attribute_label(obj, name));
    pointers.push_back(v.c_str());
  }
  pointers.push_back(nullptr);  // keeps data() non-null for an empty list
  Handle type = string_type(H5T_CSET_UTF8, H5T_VARIABLE);
  const std::array<hsize_t, 1> dims{values.size()};
  Handle space(H5Screate_simple(1, dims.data(), nullptr), "cannot create dataspace");
  Handle attr = create_attribute(obj, name, type, space);
  check(H5Awrite(attr, type, pointers.data()), "cannot write " + attribute_label(obj, name));
}

void write_attribute(hid_t obj, const std::string& name, const std::vector<int64_t>& values) {
  const std::array<hsize_t, 1> dims{values.size()};
  Handle space(H5Screate_simple(1, dims.data(), nullptr), "cannot create dataspace");
  Handle attr = create_attribute(obj, name, H5T_STD_I64LE, space);
  const int64_t none = 0;  // keeps the buffer non-null for an empty list
  check(H5Awrite(attr, H5T_NATIVE_INT64, values.empty() ? &none : values.data()),
        "cannot write " + attribute_label(obj, name));
}

H5T_class_t attribute_class(hid_t obj, const std::string& name) {
  return H5Tget_class(open_attribute(obj, name).type);
}

std::string read_string_attribute(hid_t obj, const std::string& name) {
  OpenAttribute a = open_attribute(obj, name);
  const ReadFn read = [&](hid_t mem, void* buffer) { return H5Aread(a.attr, mem, buffer); };
  return read_one_string(a.type, a.space, read, attribute_label(obj, name));
}

std::vector<std::string> read_string_array_attribute(hid_t obj, const std::string& name) {
  OpenAttribute a = open_attribute(obj, name);
  const ReadFn read = [&](hid_t mem, void* buffer) { return H5Aread(a.attr, mem, buffer); };
  return read_strings(a.type, a.space, read, attribute_label(obj, name));
}

std::vector<int64_t> read_int64_array_attribute(hid_t obj, const std::string& name) {
  const std::string what = attribute_label(obj, name);
  OpenAttribute a = open_attribute(obj, name);
  if (H5Tget_class(a.type) != H5T_INTEGER) throw Error(what + " is not an integer array");
  const hssize_t count = H5Sget_simple_extent_npoints(a.space);
  if (count < 0) throw Error("cannot size " + what);
  std::vector<int64_t> values(static_cast<size_t>(count) + 1);  // +1: never hand HDF5 a null buffer
  check(H5Aread(a.attr, H5T_NATIVE_INT64, values.data()), "cannot read " + what);
  values.pop_back();
  return values;
}

int64_t read_int64_attribute(hid_t obj, const std::string& name) {
  return read_number_attribute<int64_t>(obj, name, H5T_NATIVE_INT64, /*allow_float=*/false);
}

double read_double_attribute(hid_t obj, const std::string& name) {
  return read_number_attribute<double>(obj, name, H5T_NATIVE_DOUBLE, /*allow_float=*/true);
}

void write_string(hid_t loc, const std::string& path, const std::string& value) {
  check_no_nul(value, "dataset " + dataset_name(loc, path));
  Handle type = string_type(H5T_CSET_UTF8, H5T_VARIABLE);
  Handle space = scalar_space();
  Handle dataset = create_dataset(loc, path, type, space);
  const char* pointer = value.c_str();
  check(H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, &pointer),
        "cannot write dataset " + dataset_name(loc, path));
}

void write_matrix(hid_t loc, const std::string& path, const Matrix& value) {
  // Row-major Matrix storage is exactly HDF5's C order: write the buffer as is, no transposition.
  const std::vector<hsize_t> dims{static_cast<hsize_t>(value.rows()), static_cast<hsize_t>(value.cols())};
  Handle space(H5Screate_simple(2, dims.data(), nullptr), "cannot create dataspace");
  Handle dataset = create_dataset(loc, path, H5T_IEEE_F32LE, space, checksummed_layout(dims));
  if (value.size() == 0) return;
  check(H5Dwrite(dataset, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, value.data()),
        "cannot write dataset " + dataset_name(loc, path));
}

void write_vector(hid_t loc, const std::string& path, const std::vector<double>& value) {
  const std::vector<hsize_t> dims{value.size()};
  Handle space(H5Screate_simple(1, dims.data(), nullptr), "cannot create dataspace");
  Handle dataset = create_dataset(loc, path, H5T_IEEE_F64LE, space, checksummed_layout(dims));
  if (value.empty()) return;
  check(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, value.data()),
        "cannot write dataset " + dataset_name(loc, path));
}

std::string read_string(hid_t loc, const std::string& path) {
  OpenDataset d = open_dataset(loc, path);
  const ReadFn read = [&](hid_t mem, void* buffer) {
    return H5Dread(d.dataset, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
  };
  return read_one_string(d.type, d.space, read, d.what);
}

Matrix read_matrix(hid_t loc, const std::string& path) {
  OpenDataset d = open_dataset(loc, path);
  const std::vector<hsize_t> dims = float_dims(d, 2);
  Matrix value(static_cast<Index>(dims[0]), static_cast<Index>(dims[1]));
  if (value.size() == 0) return value;
  check(H5Dread(d.dataset, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, value.data()),
        "cannot read " + d.what);
  return value;
}

std::vector<double> read_vector(hid_t loc, const std::string& path) {
  OpenDataset d = open_dataset(loc, path);
  const std::vector<hsize_t> dims = float_dims(d, 1);
  std::vector<double> value(dims[0]);
  if (value.empty()) return value;
  check(H5Dread(d.dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, value.data()),
        "cannot read " + d.what);
  return value;
}

}  // namespace mann::h5
