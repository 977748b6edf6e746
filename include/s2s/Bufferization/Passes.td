//===- Passes.td - s2s bufferization passes ----------------*- tablegen -*-===//

#ifndef S2S_BUFFERIZATION_PASSES_TD
#define S2S_BUFFERIZATION_PASSES_TD

include "mlir/Pass/PassBase.td"

def S2SBufferizationPrepareEntryPointsPass
    : Pass<"s2s-bufferization-prepare-entry-points", "::mlir::ModuleOp"> {
  let summary = "Give public functions the s2s calling convention";
  let description = [{
    Prepares every public `func.func` with a body to be called from outside
    the module (by `s2s-run`, or by C code linking an `s2s-compile` object):

    * tensor arguments are marked `bufferization.writable = false`, so that
      bufferization never writes into the caller's input buffers (which may
      be read-only constants) and allocates fresh destinations instead;
    * a tensor returned more than once is copied for each repeat, so that
      every result has a buffer of its own when results become
      caller-allocated out-parameters;
    * the function gets `llvm.emit_c_interface`, which makes the LLVM
      lowering emit `_mlir_ciface_<name>` taking pointers to memref
      descriptors.

    Together with `buffer-results-to-out-params` in the `s2s-to-llvm`
    pipeline this gives the C calling convention documented in
    docs/Tools/s2s-compile.md: inputs, then outputs, each as a pointer to a
    strided memref descriptor, the caller owning every buffer.

    Before:
    ```mlir
    func.func @main(%x: tensor<4xf32>) -> tensor<4xf32>
    ```
    After:
    ```mlir
    func.func @main(%x: tensor<4xf32> {bufferization.writable = false})
        -> tensor<4xf32> attributes {llvm.emit_c_interface}
    ```
  }];
  let dependentDialects = [
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def S2SBufferizationShapeFunctionsPass
    : Pass<"s2s-bufferization-shape-functions", "::mlir::ModuleOp"> {
  let summary = "Add the functions a caller needs for dynamic shapes: shape "
                "checks and result shapes";
  let description = [{
    For every public function with a body, adds public functions with the
    same arguments:

    * `<name>_check_shapes`, when the function's entry block holds
      `cf.assert` checks (from `s2s-insert-shape-checks`: the shape rules
      that involve dynamic sizes): returns an `i32` status, 0 when every
      check holds, else the number (from 1) of the first that fails. Its
      attribute `s2s.shape_checks` lists the checks' messages in order, so
      that a tool (`s2s-run`) or a header (`s2s-compile`) can say what each
      status means. Checks nested in loops stay in the entry only, and so
      do checks of values rather than sizes (a `tensor.extract` or a loop
      in the condition: a shape read from an input), which the entry
      point's status makes once the sizes are known to be right
      (`s2s-bufferization-return-status`): the check function reads sizes
      only.
    * `<name>_result_shapes`, when a result has a dynamic dimension: returns
      every dimension of every result, in order, as one `tensor<Nxi64>` (N
      the sum of the result ranks; static dimensions included). Results are
      caller-allocated (see `s2s-bufferization-prepare-entry-points`), so a
      caller needs their shapes before the call.

    Each body is the entry's, with the results replaced by the status or
    the sizes and simplified through `ReifyRankedShapedTypeOpInterface`:
    every s2s op gives its result sizes as dimensions of its operands, so
    the model's computation is dead and erased, and the functions read only
    argument sizes. A result of an `scf.for` or `scf.while` that each
    iteration updates in place (through the destinations of
    destination-style ops, `tensor.insert_slice` or the cache of
    `s2s.kv_cache_append`: a token history written one row per step) has the
    sizes of its initial value, so a decoding loop is dead there too.
    (Where an op or a loop cannot give its sizes, they compute what the
    sizes depend on.) A module that already has a symbol of a new name is
    an error.

    It runs on tensors, before `convert-s2s-to-linalg`, at the start of
    `s2s-to-llvm` (after `s2s-insert-shape-checks`).

    Before:
    ```mlir
    func.func @main(%x: tensor<?x?x8xf32>, ..., %h0: tensor<1x?x16xf32>)
        -> tensor<?x?x16xf32> {
      cf.assert %same_batch, "...: dimension 1 of operand 'h0' must equal
          dimension 1 of 'x' ..."
      %y, %h = s2s.gru %x, ... h0(%h0) hidden_size(16) ...
      return %y : tensor<?x?x16xf32>
    }
    ```
    After, next to `@main`:
    ```mlir
    func.func @main_check_shapes(%x: tensor<?x?x8xf32>, ...) -> i32
        attributes {s2s.shape_checks = ["...: dimension 1 of operand 'h0'
                    must equal dimension 1 of 'x' ..."]} {
      ...
      %status = arith.select %same_batch, %c0_i32, %c1_i32 : i32
      return %status : i32
    }
    func.func @main_result_shapes(%x: tensor<?x?x8xf32>, ...)
        -> tensor<3xi64> {
      %t = tensor.dim %x, %c0 : tensor<?x?x8xf32>
      %b = tensor.dim %x, %c1 : tensor<?x?x8xf32>
      ...
      %shapes = tensor.from_elements %t64, %b64, %c16_i64 : tensor<3xi64>
      return %shapes : tensor<3xi64>
    }
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def S2SBufferizationCheckDescriptorsPass
    : Pass<"s2s-bufferization-check-descriptors", "::mlir::ModuleOp"> {
  let summary = "Check the memref descriptors a caller passes to a public "
                "function";
  let description = [{
    A public function's memref arguments have the identity layout: the code
    reads an argument at offset 0 with row-major (C-order) strides and its
    static sizes, whatever the descriptor says. A caller that passes a
    view (a non-zero offset, other strides) or a buffer of another static
    size would get results computed from the wrong elements, without a
    word. This pass makes each memref argument of a public function with a
    C interface (`llvm.emit_c_interface`) take any strided descriptor of
    its rank (`memref<?x?xf32, strided<[?, ?], offset: ?>>`: the same C
    struct, so the ABI does not change), checks at the function's start
    that the offset is 0, that each static size is the descriptor's, and
    that the strides are row-major (a dimension of size 0 or 1 may have
    any stride), then views it as the type the body was compiled for
    (`memref.reinterpret_cast` with that type's sizes and strides).

    In an entry, a descriptor that fails is a `cf.assert` naming the
    argument and what it must be. In a `<name>_check_shapes` function
    (from `s2s-bufferization-shape-functions`), the same checks of its
    arguments become statuses after the shape checks' (the first check
    that fails gives the status), and their messages join
    `s2s.shape_checks`, so that a caller learns of a bad descriptor before
    the call, as it learns of sizes that break a shape rule.

    It runs after bufferization (`buffer-results-to-out-params` and
    `s2s-bufferization-forward-out-params`): output arguments are checked
    the same way in the entry.

    Before:
    ```mlir
    func.func @main(%x: memref<?x8xf32>, %out: memref<?x8xf32>)
        attributes {llvm.emit_c_interface} { ... uses of %x ... }
    ```
    After:
    ```mlir
    func.func @main(%x: memref<?x?xf32, strided<[?, ?], offset: ?>>, ...)
        attributes {llvm.emit_c_interface} {
      %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %x
      ... %ok = offset == 0 and sizes#1 == 8 and strides == [sizes#1, 1] ...
      cf.assert %ok, "argument #0 ('x') of @main: ..."
      %x0 = memref.reinterpret_cast %x to offset: [0], sizes: [%sizes#0, 8],
          strides: [8, 1] : memref<?x?xf32, strided<[?, ?], offset: ?>>
          to memref<?x8xf32>
      ... uses of %x0 ...
    }
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::cf::ControlFlowDialect",
    "::mlir::memref::MemRefDialect",
  ];
}

def S2SBufferizationReturnStatusPass
    : Pass<"s2s-bufferization-return-status", "::mlir::ModuleOp"> {
  let summary = "Entry points return a status instead of aborting on bad "
                "arguments";
  let description = [{
    An entry point checks what its caller gives it: each memref descriptor
    (`s2s-bufferization-check-descriptors`) and the sizes against the shape
    rules of its ops (`s2s-insert-shape-checks`), as `cf.assert`s, which
    abort the process when they fail. This pass makes each public function
    with a C interface and no results (an entry point after
    `buffer-results-to-out-params`) return an `i32` status instead: 0 when
    every check holds and the results have been computed, else the number
    of the first check that fails, with nothing computed and no output
    written.

    The function keeps its name, arguments and attributes, and becomes a
    wrapper: it computes the checks' conditions, selects the status, and
    when it is 0 calls `<name>_body`, the former function, now private and
    without those checks. The checks it takes are the `cf.assert`s at the
    top level of the function whose condition is computed from the
    arguments alone by ops that neither read memory nor have regions
    (descriptor metadata, sizes, index arithmetic); a check on data (a
    value read from an input, as some imported shape computations have)
    stays in the body and still aborts. Sizes of buffers are first
    rewritten as sizes of what the buffers are made from (allocations,
    reshapes, views, and a loop's initial value when every iteration
    yields the buffer unchanged), so that a check on the size of a result
    computed in place by a loop is one on the arguments.

    Numbers: a check whose message is also in the entry's
    `<name>_check_shapes` function (`s2s.shape_checks`) keeps that
    function's number; the others (the output descriptors, and every check
    of an entry that has no check function) are numbered after those, in
    the order of the body. The wrapper's `s2s.status_messages` lists every
    message by number (status 1 first); s2s-compile's C header and s2s-run
    report them. Where several checks fail, the lowest number is returned,
    as the check function does.

    Before:
    ```mlir
    func.func @main(%x: memref<?x?xf32, strided<[?, ?], offset: ?>>, %y: ...)
        attributes {llvm.emit_c_interface} {
      ... %ok = ...
      cf.assert %ok, "argument #0 ('x') of @main: ..."
      ... the computation ...
      return
    }
    ```
    After:
    ```mlir
    func.func @main(%x: ..., %y: ...) -> i32
        attributes {llvm.emit_c_interface,
                    s2s.status_messages = ["argument #0 ('x') of @main: ..."]} {
      ... %ok = ...
      %status = arith.select %ok, %c0_i32, %c1_i32 : i32
      %run = arith.cmpi eq, %status, %c0_i32 : i32
      scf.if %run {
        func.call @main_body(%x, %y) : (...) -> ()
      }
      return %status : i32
    }
    func.func private @main_body(%x: ..., %y: ...) { ... the computation ... }
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::func::FuncDialect",
    "::mlir::scf::SCFDialect",
  ];
}

def S2SBufferizationForwardOutParamsPass : Pass<"s2s-bufferization-forward-out-params",
                                   "::mlir::func::FuncOp"> {
  let summary = "Compute results in the caller's buffers instead of copying";
  let description = [{
    After `buffer-results-to-out-params`, a result that the function
    computed in a buffer of its own reaches the caller's output buffer by a
    final `memref.copy`: the whole result is written twice and its buffer
    is scratch memory as large as the output. `hoist-static-allocs` of that
    pass only helps when the returned value is the allocation itself; this
    pass also sees through reshapes. When an output argument is used only
    by a `memref.copy` into it in the function's entry block, and the copy's
    source is a `memref.alloc` of the entry block seen through
    `memref.expand_shape` / `memref.collapse_shape` ops, the allocation is
    replaced by the output argument seen through the inverse reshapes, and
    the copy is erased.

    Before:
    ```mlir
    func.func @f(%in: memref<8x4xf32>, %out: memref<1x8x4xf32>) {
      %buf = memref.alloc() : memref<8x4xf32>
      linalg.copy ins(%in : memref<8x4xf32>) outs(%buf : memref<8x4xf32>)
      %e = memref.expand_shape %buf [[0, 1], [2]] output_shape [1, 8, 4]
          : memref<8x4xf32> into memref<1x8x4xf32>
      memref.copy %e, %out : memref<1x8x4xf32> to memref<1x8x4xf32>
      return
    }
    ```
    After:
    ```mlir
    func.func @f(%in: memref<8x4xf32>, %out: memref<1x8x4xf32>) {
      %buf = memref.collapse_shape %out [[0, 1], [2]]
          : memref<1x8x4xf32> into memref<8x4xf32>
      linalg.copy ins(%in : memref<8x4xf32>) outs(%buf : memref<8x4xf32>)
      return
    }
    ```

    Left alone: an output argument with any other use (the function may
    read or write it elsewhere), a source that is not an allocation in the
    entry block (a loop result, a subview, a function argument), and an
    allocation used after the copy.

    In an entry point (a public function with a C interface), an output
    argument with dynamic dimensions gets its sizes from the caller's
    descriptor, which nothing else checks against the result's: a
    `cf.assert` compares them, where the allocation was (before anything
    writes the output) or before the copy, so that a wrong output size is
    an error rather than writes out of bounds.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::cf::ControlFlowDialect",
                           "::mlir::memref::MemRefDialect"];
}

def S2SBufferizationOrderGlobalsPass
    : Pass<"s2s-bufferization-order-globals", "::mlir::ModuleOp"> {
  let summary = "Put the module's memref.global ops in the order of their "
                "names";
  let description = [{
    One-shot bufferization with function boundaries turns each constant
    tensor into a `memref.global` at the start of the module, in the order
    in which it meets them; with several functions that order varied from
    one run to the next (test/Integration/ZeroSize/decoding-ops.mlir gave
    three different outputs in three runs, differing only there). This pass moves every top-level `memref.global` to the
    start of the module in the order of their symbol names (unique, and
    derived from their type and value), so that the output does not depend
    on it. Nothing else changes: a global's position in a module has no
    meaning.

    Before:
    ```mlir
    memref.global "private" constant @__constant_3xf32 : memref<3xf32> = ...
    func.func @f() { ... }
    memref.global "private" constant @__constant_2xf32 : memref<2xf32> = ...
    ```
    After: `@__constant_2xf32`, then `@__constant_3xf32`, then `@f`.
  }];
}

#endif // S2S_BUFFERIZATION_PASSES_TD
