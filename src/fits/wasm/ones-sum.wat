;; The FITS ones'-complement sum (FITS 4.0 Appendix J) of big-endian 32-bit words, with SIMD.
;; Built into ones-sum-wasm.ts by scripts/build-wasm.mjs (npm run build); edit this file, not that.
;;
;; sum(start, end): words of memory[start, end), (end - start) a multiple of 4, any alignment.
;; Returns the sum folded to 32 bits (0 and 0xFFFFFFFF both mean zero; the caller reduces).
;; Offsets are compared as signed numbers: the memory must stay below 2 GiB.
;; Each word is byte-swapped (the shuffles: big-endian file words to little-endian lanes) and widened to a 64-bit lane; a lane takes 2^32 words before it
;; could overflow, more than any memory of 4 GiB holds, so carries are folded once at the end.
(module
  (import "env" "memory" (memory 1))

  ;; Adds the high 32 bits of a 64-bit value to its low 32 bits until it fits in 32 bits.
  (func $fold (param $x i64) (result i64)
    (local.set $x
      (i64.add (i64.and (local.get $x) (i64.const 0xFFFFFFFF)) (i64.shr_u (local.get $x) (i64.const 32))))
    (local.set $x
      (i64.add (i64.and (local.get $x) (i64.const 0xFFFFFFFF)) (i64.shr_u (local.get $x) (i64.const 32))))
    ;; Below 2^33 after one step, at most 2^32 after two; the third leaves 32 bits.
    (local.set $x
      (i64.add (i64.and (local.get $x) (i64.const 0xFFFFFFFF)) (i64.shr_u (local.get $x) (i64.const 32))))
    (local.get $x))

  (func (export "sum") (param $start i32) (param $end i32) (result i32)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $v v128) (local $w v128) (local $i i32) (local $stop i32) (local $total i64) (local $word i32)
    (local.set $i (local.get $start))
    ;; 64 bytes a turn, in four independent accumulators so the additions overlap.
    (local.set $stop (i32.sub (local.get $end) (i32.const 64)))
    (block $done64
      (loop $turn64
        (br_if $done64 (i32.gt_s (local.get $i) (local.get $stop)))
        (local.set $v (v128.load offset=0 align=1 (local.get $i)))
        (local.set $v (i8x16.shuffle 3 2 1 0 7 6 5 4 11 10 9 8 15 14 13 12 (local.get $v) (local.get $v)))
        (local.set $w (v128.load offset=16 align=1 (local.get $i)))
        (local.set $w (i8x16.shuffle 3 2 1 0 7 6 5 4 11 10 9 8 15 14 13 12 (local.get $w) (local.get $w)))
        (local.set $a (i64x2.add (local.get $a) (i64x2.extend_low_i32x4_u (local.get $v))))
        (local.set $b (i64x2.add (local.get $b) (i64x2.extend_high_i32x4_u (local.get $v))))
        (local.set $c (i64x2.add (local.get $c) (i64x2.extend_low_i32x4_u (local.get $w))))
        (local.set $d (i64x2.add (local.get $d) (i64x2.extend_high_i32x4_u (local.get $w))))
        (local.set $v (v128.load offset=32 align=1 (local.get $i)))
        (local.set $v (i8x16.shuffle 3 2 1 0 7 6 5 4 11 10 9 8 15 14 13 12 (local.get $v) (local.get $v)))
        (local.set $w (v128.load offset=48 align=1 (local.get $i)))
        (local.set $w (i8x16.shuffle 3 2 1 0 7 6 5 4 11 10 9 8 15 14 13 12 (local.get $w) (local.get $w)))
        (local.set $a (i64x2.add (local.get $a) (i64x2.extend_low_i32x4_u (local.get $v))))
        (local.set $b (i64x2.add (local.get $b) (i64x2.extend_high_i32x4_u (local.get $v))))
        (local.set $c (i64x2.add (local.get $c) (i64x2.extend_low_i32x4_u (local.get $w))))
        (local.set $d (i64x2.add (local.get $d) (i64x2.extend_high_i32x4_u (local.get $w))))
        (local.set $i (i32.add (local.get $i) (i32.const 64)))
        (br $turn64)))
    ;; Then 16 bytes a turn.
    (local.set $stop (i32.sub (local.get $end) (i32.const 16)))
    (block $done16
      (loop $turn16
        (br_if $done16 (i32.gt_s (local.get $i) (local.get $stop)))
        (local.set $v (v128.load align=1 (local.get $i)))
        (local.set $v (i8x16.shuffle 3 2 1 0 7 6 5 4 11 10 9 8 15 14 13 12 (local.get $v) (local.get $v)))
        (local.set $a (i64x2.add (local.get $a) (i64x2.extend_low_i32x4_u (local.get $v))))
        (local.set $b (i64x2.add (local.get $b) (i64x2.extend_high_i32x4_u (local.get $v))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $turn16)))
    ;; Each of the eight lanes folded to 32 bits first, so their total cannot overflow.
    (local.set $total
      (i64.add
        (i64.add
          (i64.add (call $fold (i64x2.extract_lane 0 (local.get $a))) (call $fold (i64x2.extract_lane 1 (local.get $a))))
          (i64.add (call $fold (i64x2.extract_lane 0 (local.get $b))) (call $fold (i64x2.extract_lane 1 (local.get $b)))))
        (i64.add
          (i64.add (call $fold (i64x2.extract_lane 0 (local.get $c))) (call $fold (i64x2.extract_lane 1 (local.get $c))))
          (i64.add (call $fold (i64x2.extract_lane 0 (local.get $d))) (call $fold (i64x2.extract_lane 1 (local.get $d)))))))
    ;; The last 0-3 words one at a time.
    (block $done4
      (loop $turn4
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $word (i32.load align=1 (local.get $i)))
        (local.set $total
          (i64.add (local.get $total)
            (i64.extend_i32_u
              (i32.or
                (i32.rotr (i32.and (local.get $word) (i32.const 0x00FF00FF)) (i32.const 8))
                (i32.rotl (i32.and (local.get $word) (i32.const 0xFF00FF00)) (i32.const 8))))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $turn4)))
    (i32.wrap_i64 (call $fold (local.get $total))))
)
