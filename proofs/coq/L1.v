(* salign: the PROVED propositions of L1, re-checked by the Coq kernel *)
Require Import Reals Lra Psatz List.
Require Import Model.
Open Scope R_scope.

(* L1.coordinate | coordinate model | on the solvers' problem *)
Theorem L1_coordinate :
  forall x_i Sigma_ii eta lambda_i : R,
  (Sigma_ii >= 0) ->
  (eta > 0) ->
  (lambda_i > 0) ->
  (((((x_i * x_i) + (Sigma_ii * (eta * eta))) + (((x_i * x_i) * (eta * eta)) * (lambda_i * lambda_i))) + ((((- 2) * eta) * lambda_i) * (x_i * x_i))) = ((Sigma_ii * (eta * eta)) + ((x_i * x_i) * (((- 1) + (eta * lambda_i)) * ((- 1) + (eta * lambda_i)))))).
Proof.
  intros; lra.
Qed.

(* L1.D | any spectrum (block moments) | from the model *)
Theorem L1_D :
  forall (eta : R) (D B : list coord),
  (EG eta D) = ((G D) + ((eta ^ 2) * ((N D) + (G2 D))) + ((- 2) * (G1 D) * eta)).
Proof.
  block_sum.
Qed.

(* L1.B | any spectrum (block moments) | from the model *)
Theorem L1_B :
  forall (eta : R) (D B : list coord),
  (EG eta B) = ((G B) + ((eta ^ 2) * ((N B) + (G2 B))) + ((- 2) * (G1 B) * eta)).
Proof.
  block_sum.
Qed.
