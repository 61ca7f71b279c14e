(* The model of THEORY.md section 1, in Coq: the one starting point of the proofs "from the model".

   A block (D or B) is a list of eigen-coordinates, each with its eigenvalue lam, its squared
   coordinate x2 = x_i^2 and its noise variance s = Sigma_ii.  One SGD step on a coordinate,
   x_i' = (1 - eta lam) x_i - eta xi_i with E[xi_i | x] = 0 and E[xi_i^2 | x] = Sigma_ii, has the
   expected square ex2 below (L1.coordinate, proved by salign prove).  Every other quantity is a sum
   over a block of a per-coordinate expression: G, G1, G2, N, M (the block moments), EG (the
   expected G after the step) and dL (the expected loss change when the block takes the step). *)
Require Import Reals Lra Psatz List Setoid.
Open Scope R_scope.

Record coord := mk { lam : R; x2 : R; s : R }.

Definition ex2 (eta : R) (c : coord) : R := (1 - eta * lam c) ^ 2 * x2 c + eta ^ 2 * s c.

Fixpoint bsum (f : coord -> R) (blk : list coord) : R :=
  match blk with nil => 0 | c :: r => f c + bsum f r end.

Lemma bsum_app : forall f l1 l2, bsum f (l1 ++ l2) = bsum f l1 + bsum f l2.
Proof. intros f l1 l2; induction l1 as [|c r IH]; cbn [bsum app]; [ring | rewrite IH; ring]. Qed.

Definition G  blk := bsum (fun c => lam c ^ 2 * x2 c) blk.
Definition G1 blk := bsum (fun c => lam c ^ 3 * x2 c) blk.
Definition G2 blk := bsum (fun c => lam c ^ 4 * x2 c) blk.
Definition N  blk := bsum (fun c => lam c ^ 2 * s c) blk.
Definition M  blk := bsum (fun c => lam c * s c) blk.
Definition EG eta blk := bsum (fun c => lam c ^ 2 * ex2 eta c) blk.
Definition dL eta blk := bsum (fun c => / 2 * lam c * (ex2 eta c - x2 c)) blk.


(* An identity between block sums, for blocks of any length: induction on D, then on B; each step is
   the identity for one coordinate (field), next to the hypothesis of induction (lra). *)
Ltac step_with IH := match type of IH with ?l = ?r => match goal with |- ?L = ?R =>
  enough (L - R = l - r) by lra; unfold ex2; field end end.
Ltac one_block X := induction X as [|? ? IHX]; cbn [bsum app] in *; [unfold ex2; field | step_with IHX].
Ltac block_sum := intros eta D B; unfold EG, dL, G, G1, G2, N, M;
  induction D as [|? ? IHD]; cbn [bsum app] in *; [one_block B | step_with IHD].

(* The division bridge: where 0 < d and l - r = n / d (field proves it), a relation between l and r
   is the same relation between n and 0.  A proof script rewrites each relation with a denominator
   so; the sign of d is proved in the script (nra), never taken from Python. *)
Section Bridge.
Variables l r n d : R.
Hypothesis Hd : 0 < d.
Hypothesis E : l - r = n / d.
Lemma bridge_inv : 0 < / d.
Proof. apply Rinv_0_lt_compat; exact Hd. Qed.
Lemma bridge_lt : l < r <-> n < 0.
Proof. pose proof bridge_inv; unfold Rdiv in E; split; intro; nra. Qed.
Lemma bridge_le : l <= r <-> n <= 0.
Proof. pose proof bridge_inv; unfold Rdiv in E; split; intro; nra. Qed.
Lemma bridge_gt : l > r <-> n > 0.
Proof. pose proof bridge_inv; unfold Rdiv in E; split; intro; nra. Qed.
Lemma bridge_ge : l >= r <-> n >= 0.
Proof. pose proof bridge_inv; unfold Rdiv in E; split; intro; nra. Qed.
Lemma bridge_eq : l = r <-> n = 0.
Proof. pose proof bridge_inv; unfold Rdiv in E; split; intro; nra. Qed.
Lemma bridge_ne : l <> r <-> n <> 0.
Proof. rewrite bridge_eq; tauto. Qed.
End Bridge.

(* The same for an equation or its negation, where d is only known not to be zero (its sign may be either). *)
Section BridgeNZ.
Variables l r n d : R.
Hypothesis Hd : d <> 0.
Hypothesis E : l - r = n / d.
Lemma bridge_eq_nz : l = r <-> n = 0.
Proof.
  split; intro H.
  - assert (Hn : n = (l - r) * d) by (rewrite E; field; exact Hd). rewrite Hn, H; ring.
  - assert (l - r = 0) by (rewrite E, H; field; exact Hd). lra.
Qed.
Lemma bridge_ne_nz : l <> r <-> n <> 0.
Proof. rewrite bridge_eq_nz; tauto. Qed.
End BridgeNZ.

(* The sums of the step over a block, in its moments (L1 and L4, proved here by induction on the block),
   for identities that multiply sums (L2.factor): rewrite every sum of the step, then field. *)
Lemma EG_moments : forall eta X, EG eta X = G X - 2 * eta * G1 X + eta ^ 2 * (G2 X + N X).
Proof.
  intros eta X; induction X as [|c r IH]; unfold EG, G, G1, G2, N in *; cbn [bsum];
    [ring | rewrite IH; unfold ex2; ring].
Qed.
Lemma dL_moments : forall eta X, dL eta X = - eta * G X + / 2 * eta ^ 2 * (G1 X + M X).
Proof.
  intros eta X; induction X as [|c r IH]; unfold dL, G, G1, M in *; cbn [bsum];
    [field | rewrite IH; unfold ex2; field].
Qed.
Lemma dL_app : forall eta D B, dL eta (D ++ B) = dL eta D + dL eta B.
Proof. intros; unfold dL; apply bsum_app. Qed.
Ltac from_model := intros; rewrite ?dL_app, ?EG_moments, ?dL_moments; field.

(* Products of positive variables of the goal, as hypotheses: nra multiplies pairs of hypotheses, so a
   goal such as n_D lambda_D^2 > 0 (a product of three) needs one of them made first. *)
Ltac in_goal x := match goal with |- context [x] => idtac end.
Ltac pos_products := repeat match goal with
  | H1 : ?x > 0, H2 : ?y > 0 |- _ => is_var x; is_var y; in_goal x; in_goal y;
      lazymatch goal with
      | _ : x * y > 0 |- _ => fail
      | _ : y * x > 0 |- _ => fail
      | _ => assert (x * y > 0) by (apply Rmult_lt_0_compat; assumption)
      end
  end.

(* Positivity by structure: sums and products of terms whose sign lra or nra finds, and squares (a
   denominator such as a l_D^2 + b l_B^2 (eta^2 n_B + 1), a product of three, which nra, multiplying
   pairs of hypotheses, does not reach). *)
Ltac nneg := match goal with
  | |- 0 <= ?a * ?a => apply Rle_0_sqr
  | |- 0 <= ?a + ?b => apply Rplus_le_le_0_compat; nneg
  | |- 0 <= ?a * ?b => apply Rmult_le_pos; nneg
  | |- _ => first [lra | nra]
  end.
Ltac pos := match goal with
  | |- 0 < ?a + ?b => first [apply Rplus_lt_le_0_compat; [pos | nneg] | apply Rplus_le_lt_0_compat; [nneg | pos]]
  | |- 0 < ?a * ?b => apply Rmult_lt_0_compat; pos
  | |- _ => first [lra | nra]
  end.

(* A term is not zero: a product factor by factor, else by lra or nra, or by its sign (pos). *)
Ltac nz := match goal with
  | |- ?a * ?b <> 0 => apply Rmult_integral_contrapositive_currified; nz
  | |- ?a <> 0 => first [assumption | lra | nra | (assert (0 < a) by pos; lra) | (assert (0 < - a) by pos; lra)]
  end.

(* The expected squared gradient after a step is positive for any spectrum with a gap (salign's
   verify/kernel/lemmas.py offers it to the scripts).  Each block's part E_X = G - 2 eta G1 + eta^2 (G2 + N)
   is a sum of squares lam^2 x2 (1 - eta lam)^2 plus noise; both vanish only if G = eta G1 in both blocks
   (Cauchy-Schwarz: (G - eta G1)^2 <= G (G - 2 eta G1 + eta^2 G2)), that is eta lam_min(D) <= 1 <= eta lam_max(B),
   which the gap lam_max(B) < lam_min(D) forbids. *)
Lemma gap_step_pos : forall eta gD gD1 gD2 nD gB gB1 gB2 nB lminD lmaxB,
  0 < eta -> 0 < gD -> 0 < gB -> 0 <= nD -> 0 <= nB ->
  gD * lminD <= gD1 -> gB1 <= gB * lmaxB ->
  0 <= gD - 2 * gD1 * eta + gD2 * eta ^ 2 -> 0 <= gB - 2 * gB1 * eta + gB2 * eta ^ 2 ->
  (gD - gD1 * eta) ^ 2 <= gD * (gD - 2 * gD1 * eta + gD2 * eta ^ 2) ->
  (gB - gB1 * eta) ^ 2 <= gB * (gB - 2 * gB1 * eta + gB2 * eta ^ 2) ->
  lmaxB < lminD ->
  0 < gD - 2 * gD1 * eta + eta ^ 2 * (gD2 + nD) + (gB - 2 * gB1 * eta + eta ^ 2 * (gB2 + nB)).
Proof.
  intros eta gD gD1 gD2 nD gB gB1 gB2 nB lminD lmaxB He HgD HgB HnD HnB HD HB HqD HqB CD CB Hgap.
  assert (0 <= eta ^ 2 * nD) by (apply Rmult_le_pos; [apply pow2_ge_0 | exact HnD]).
  assert (0 <= eta ^ 2 * nB) by (apply Rmult_le_pos; [apply pow2_ge_0 | exact HnB]).
  apply Rnot_le_lt; intro Hle.
  assert (HD0 : gD - 2 * gD1 * eta + gD2 * eta ^ 2 = 0) by lra.
  assert (HB0 : gB - 2 * gB1 * eta + gB2 * eta ^ 2 = 0) by lra.
  rewrite HD0, Rmult_0_r in CD. rewrite HB0, Rmult_0_r in CB.
  assert (ED : gD - gD1 * eta = 0) by nra.
  assert (EB : gB - gB1 * eta = 0) by nra.
  assert (L1 : gD * (eta * lminD - 1) <= 0) by nra.
  assert (L2 : gB * (1 - eta * lmaxB) <= 0) by nra.
  assert (eta * lminD <= 1) by (apply Rnot_lt_le; intro;
    assert (0 < gD * (eta * lminD - 1)) by (apply Rmult_lt_0_compat; lra); lra).
  assert (1 <= eta * lmaxB) by (apply Rnot_lt_le; intro;
    assert (0 < gB * (1 - eta * lmaxB)) by (apply Rmult_lt_0_compat; lra); lra).
  assert (0 < eta * (lminD - lmaxB)) by (apply Rmult_lt_0_compat; lra).
  lra.
Qed.

(* The dominant block's gradient is the larger in the sense of the first moments: G_B G1_D > G1_B G_D
   (G1/G is a mean eigenvalue, at least lam_min(D) in D, at most lam_max(B) in B, and the gap separates them). *)
Lemma gap_moment_order : forall gD gD1 gB gB1 lminD lmaxB,
  0 < gD -> 0 < gB -> gD * lminD <= gD1 -> gB1 <= gB * lmaxB -> lmaxB < lminD ->
  0 < gB * gD1 - gB1 * gD.
Proof.
  intros gD gD1 gB gB1 lminD lmaxB HgD HgB HD HB Hgap.
  assert (0 <= gB * (gD1 - gD * lminD)) by (apply Rmult_le_pos; lra).
  assert (0 <= gD * (gB * lmaxB - gB1)) by (apply Rmult_le_pos; lra).
  assert (0 < gD * gB * (lminD - lmaxB)) by (apply Rmult_lt_0_compat; [apply Rmult_lt_0_compat |]; lra).
  lra.
Qed.

(* The same for two levels: lam_D^2 a (1 - eta lam_D)^2 + lam_B^2 b (1 - eta lam_B)^2 > 0, since eta lam_D and
   eta lam_B cannot both be 1.  A denominator that adds noise terms to it is positive by this lemma and the
   non-negativity of what is left (nneg), which salign's scripts assert next to it. *)
Lemma two_level_sq_pos : forall a b lD lB eta,
  0 < a -> 0 < b -> 0 < lB -> lB < lD -> 0 < eta ->
  0 < lD ^ 2 * (a * (eta * lD - 1) ^ 2) + lB ^ 2 * (b * (eta * lB - 1) ^ 2).
Proof.
  intros a b lD lB eta Ha Hb HlB Hgap He.
  assert (HD : 0 <= lD ^ 2 * (a * (eta * lD - 1) ^ 2))
    by (apply Rmult_le_pos; [apply pow2_ge_0 | apply Rmult_le_pos; [lra | apply pow2_ge_0]]).
  assert (HB : 0 <= lB ^ 2 * (b * (eta * lB - 1) ^ 2))
    by (apply Rmult_le_pos; [apply pow2_ge_0 | apply Rmult_le_pos; [lra | apply pow2_ge_0]]).
  apply Rnot_le_lt; intro Hle.
  assert (ZD : lD ^ 2 * (a * (eta * lD - 1) ^ 2) = 0) by lra.
  assert (ZB : lB ^ 2 * (b * (eta * lB - 1) ^ 2) = 0) by lra.
  assert (lD ^ 2 <> 0) by (apply pow_nonzero; lra).
  assert (lB ^ 2 <> 0) by (apply pow_nonzero; lra).
  apply Rmult_integral in ZD; destruct ZD as [ZD | ZD]; [contradiction |].
  apply Rmult_integral in ZB; destruct ZB as [ZB | ZB]; [contradiction |].
  apply Rmult_integral in ZD; destruct ZD as [ZD | ZD]; [lra |].
  apply Rmult_integral in ZB; destruct ZB as [ZB | ZB]; [lra |].
  assert (eta * lD - 1 = 0) by nra. assert (eta * lB - 1 = 0) by nra.
  assert (0 < eta * (lD - lB)) by (apply Rmult_lt_0_compat; lra).
  lra.
Qed.
