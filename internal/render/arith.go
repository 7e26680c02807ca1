package render

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
)

// add returns the sum of two or more numbers, or joins two or more strings,
// like Hugo's add: integers give an int64, any float gives a float64.
func add(args ...any) (any, error) {
	return arith('+', args)
}

// sub subtracts the second and later numbers from the first, like Hugo's sub.
func sub(args ...any) (any, error) {
	return arith('-', args)
}

// mul multiplies two or more numbers, like Hugo's mul.
func mul(args ...any) (any, error) {
	return arith('*', args)
}

// div divides the first number by the second and later ones, like Hugo's
// div: integers give an int64, the quotient truncated.
func div(args ...any) (any, error) {
	return arith('/', args)
}

func arith(op rune, args []any) (any, error) {
	if len(args) < 2 {
		return nil, fmt.Errorf("want at least 2 arguments, got %d", len(args))
	}
	if op == '+' && allStrings(args) {
		s := ""
		for _, a := range args {
			s += reflect.ValueOf(a).String()
		}
		return s, nil
	}
	var ints []int64
	var floats []float64
	for _, a := range args {
		i, f, isInt, err := toNumber(a)
		if err != nil {
			return nil, err
		}
		if isInt {
			ints = append(ints, i)
		}
		floats = append(floats, f)
	}
	if len(ints) == len(args) {
		if op == '/' && slices.Contains(ints[1:], 0) {
			return nil, errors.New("division by zero")
		}
		return fold(op, ints), nil
	}
	return fold(op, floats), nil
}

func fold[T int64 | float64](op rune, xs []T) T {
	acc := xs[0]
	for _, x := range xs[1:] {
		switch op {
		case '+':
			acc += x
		case '-':
			acc -= x
		case '*':
			acc *= x
		case '/':
			acc /= x
		}
	}
	return acc
}

func allStrings(args []any) bool {
	for _, a := range args {
		if reflect.ValueOf(a).Kind() != reflect.String {
			return false
		}
	}
	return true
}

// toNumber converts any integer or float; isInt reports which it was.
func toNumber(v any) (i int64, f float64, isInt bool, err error) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), float64(rv.Int()), true, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return int64(rv.Uint()), float64(rv.Uint()), true, nil
	case reflect.Float32, reflect.Float64:
		return 0, rv.Float(), false, nil
	case reflect.Invalid:
		return 0, 0, false, errors.New("want a number, got nil")
	}
	return 0, 0, false, fmt.Errorf("want a number, got %T %v", v, v)
}
