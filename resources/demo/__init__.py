"""resources/demo"""
