/**
 * Eigenvalues of symmetric matrices, for the curvature of networks' losses: the tridiagonal
 * eigenproblem by bisection ({@link dev.losslab.core.linalg.Tridiagonal}), dense symmetric matrices by
 * Householder reduction to it ({@link dev.losslab.core.linalg.SymmetricEigenvalues}), and the extreme
 * eigenpairs of an operator known only by its products ({@link dev.losslab.core.linalg.Lanczos}).
 */
package dev.losslab.core.linalg;
