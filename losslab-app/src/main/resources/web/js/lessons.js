// What to try on each surface: short suggestions for a student, each with a button that sets the
// lab up for it (a URL query, applied like a shared link). The surface's own description from the
// API comes first; these add the experiment.

const LESSONS = {
  bowl: [
    ['The bowl curves 10 times more steeply along y than along x, so gradient descent is only stable for lr < 2/10. At 0.19 it shivers across the valley but settles; at 0.21 every step overshoots more than the last.',
      [['lr 0.19', 'surface=bowl&optimizers=gd&gd.lr=0.19'], ['lr 0.21', 'surface=bowl&optimizers=gd&gd.lr=0.21']]],
    ['Newton’s method reads the curvature and lands on the bottom in one step; Adam rescales each direction so the steep one stops dominating.',
      [['GD vs Newton vs Adam', 'surface=bowl&optimizers=gd,adam,newton']]],
  ],
  ravine: [
    ['Plain GD bounces between the steep walls and barely advances along the floor. Momentum keeps a running sum of gradients: the sideways kicks cancel, the push along the valley adds up.',
      [['GD vs momentum vs Adam', 'surface=ravine&optimizers=gd,momentum,adam']]],
    ['RMSProp and Adam divide each direction by its recent gradient size, so the walls no longer set the pace.',
      [['RMSProp vs Adam', 'surface=ravine&optimizers=gd,rmsprop,adam']]],
  ],
  rosenbrock: [
    ['The walls are a hundred times steeper than the floor: a learning rate small enough to survive the walls crawls along the banana. Newton follows it in a handful of steps.',
      [['GD vs momentum vs Newton', 'surface=rosenbrock&optimizers=gd,momentum,newton']]],
  ],
  saddle: [
    ['Drop the ball exactly on the saddle at (0, 0): the gradient is zero there, so gradient descent never moves.',
      [['start on the saddle', 'surface=saddle&start=0,0&optimizers=gd,sgd']]],
    ['Now start a hair off the ridge. GD is pulled in along x (λ = +2) and pushed out along y (λ = −2): it stalls near the centre, then slides away. Hover near the middle to see both eigenvalues.',
      [['start just off it', 'surface=saddle&start=1.5,0.01&optimizers=gd,momentum']]],
    ['Newton jumps straight onto the saddle, because it seeks any point where the gradient vanishes; saddle-free Newton flips the downward curvature and escapes.',
      [['Newton vs saddle-free', 'surface=saddle&start=1.5,0.5&optimizers=newton,saddle-free-newton']]],
  ],
  himmelblau: [
    ['Four minima of exactly the same depth. From (0, 0), which one does each optimizer pick, and why does momentum end somewhere else?',
      [['race from (0, 0)', 'surface=himmelblau&start=0,0&optimizers=gd,momentum,adam']]],
    ['Give the gradient noise: SGD jitters, and a big enough jolt carries it over a ridge into another basin. From (−0.3, 0.5) GD rolls to the top-left minimum; noisy SGD with σ = 8 and seed 2 ends up top right. Try other seeds.',
      [['GD vs noisy SGD', 'surface=himmelblau&start=-0.3,0.5&optimizers=gd,sgd&sgd.noise=8&sgd.seed=2']]],
    ['From (0, 0) Newton climbs to the maximum nearby: it heads for the closest flat point, uphill or not.',
      [['Newton from (0, 0)', 'surface=himmelblau&start=0,0&optimizers=gd,newton,saddle-free-newton']]],
  ],
  bumpy: [
    ['Gradient descent stops in the first dimple it rolls into. Momentum arrives with speed and can clear the rims; lower the learning rate and watch who still gets through.',
      [['GD vs momentum vs Nesterov', 'surface=bumpy&optimizers=gd,momentum,nesterov']]],
  ],
  // surfaces made of data (DataLandscapes.FEATURED): the same lessons, measured on real examples
  'regression:diabetes:bmi': [
    ['Raw BMI values sit between 18 and 42, so the slope w and the intercept b pull against each other: at the minimum the Hessian’s eigenvalues are 1432 and 0.054, a condition number of about 26,000. GD must keep lr under 2/1432 and then crawls along the valley for thousands of steps.',
      [['GD vs momentum vs Newton', 'surface=regression:diabetes:bmi&optimizers=gd,momentum,newton']]],
    ['Standardize BMI (mean 0, sd 1) and the same data give a perfectly round bowl: condition number 1, and GD at its default lr lands on the fitted line in one step.',
      [['the standardized fit', 'surface=regression:diabetes:bmi:standardized&optimizers=gd,momentum,adam']]],
  ],
  'regression:diabetes:bmi:standardized': [
    ['SGD here uses a minibatch of 16 patients per step: its gradient is an estimate, so it hovers around the fitted line instead of landing on it. Slide B on its card: the bigger the batch, the calmer the line in the data panel; at B = 442 it is gradient descent.',
      [['GD vs SGD', 'surface=regression:diabetes:bmi:standardized&optimizers=gd,sgd'], ['SGD with B = 2', 'surface=regression:diabetes:bmi:standardized&optimizers=gd,sgd&sgd.batch-size=2']]],
    ['The same fit on raw BMI has a condition number of 26,000: compare how GD fares there.',
      [['raw BMI', 'surface=regression:diabetes:bmi&optimizers=gd,momentum,newton']]],
  ],
  'logistic:iris:sepal_width,petal_length:setosa': [
    ['A line through the origin separates setosa from the rest, so no weights are best: the loss keeps falling as they grow along the split, and every run drifts away for ever. Even Newton only stops because the slope fades below the tolerance, far from any minimum.',
      [['GD vs Adam vs Newton', 'surface=logistic:iris:sepal_width,petal_length:setosa&optimizers=gd,adam,newton']]],
  ],
  'logistic:iris:petal_length,petal_width:virginica': [
    ['Virginica overlaps versicolor, so here the loss has a minimum: watch the decision boundary in the data panel turn towards it as the balls roll.',
      [['GD vs momentum vs Newton', 'surface=logistic:iris:petal_length,petal_width:virginica&optimizers=gd,momentum,newton']]],
  ],
};

const GENERIC = [
  ['Click or tap the map to move the start, press Run, and compare how each racer gets down. Hover to read the curvature anywhere.', []],
];

/** [[text, [[buttonLabel, query], …]], …] for a surface name (or a typed formula). */
export function lessonsFor(surface) {
  return LESSONS[surface] || GENERIC;
}
